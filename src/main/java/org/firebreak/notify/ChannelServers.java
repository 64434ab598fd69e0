package org.firebreak.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.firebreak.shared.ConfigProblem;
import org.firebreak.shared.InvalidConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Which channels can reach anyone with this configuration: an ntfy topic needs the ntfy server (unless the contact is
 * a topic's whole URL), Telegram the bot's token, Matrix the account, SMS the gateway, email the SMTP server; a
 * webhook, Slack and the log need nothing more than their address. The server asks it at start-up, and
 * {@code firebreak check --config-dir} binds the same {@code firebreak.notify.*} settings from the environment
 * ({@link #from}), so that a person whose only way to be paged goes nowhere is named before an incident, not during
 * one. The senders fail an attempt with the same words.
 */
@Component
public final class ChannelServers {

    static final String NO_SMTP = "no SMTP server configured: set spring.mail.host (SPRING_MAIL_HOST)";

    private final NtfySettings ntfy;
    private final TelegramSettings telegram;
    private final MatrixSettings matrix;
    private final SmsSettings sms;
    private final boolean smtp;

    @Autowired
    ChannelServers(NtfySettings ntfy, TelegramSettings telegram, MatrixSettings matrix, SmsSettings sms,
            ObjectProvider<JavaMailSender> mail) {
        this(ntfy, telegram, matrix, sms, mail.getIfAvailable() != null);
    }

    private ChannelServers(NtfySettings ntfy, TelegramSettings telegram, MatrixSettings matrix, SmsSettings sms,
            boolean smtp) {
        this.ntfy = ntfy;
        this.telegram = telegram;
        this.matrix = matrix;
        this.sms = sms;
        this.smtp = smtp;
    }

    /**
     * The channels' settings bound from {@code environment} as the server binds them at start-up (the named channels
     * and every server's settings, each checked as it is there).
     *
     * @throws InvalidConfiguration naming the setting of the first problem
     */
    public static ChannelServers from(Environment environment) {
        Binder binder = Binder.get(environment);
        bind(binder, "firebreak.notify", NotifySettings.class);
        return new ChannelServers(bind(binder, "firebreak.notify.ntfy", NtfySettings.class),
                bind(binder, "firebreak.notify.telegram", TelegramSettings.class),
                bind(binder, "firebreak.notify.matrix", MatrixSettings.class),
                bind(binder, "firebreak.notify.sms", SmsSettings.class),
                !environment.getProperty("spring.mail.host", "").isBlank());
    }

    private static <T> T bind(Binder binder, String prefix, Class<T> type) {
        try {
            return binder.bindOrCreate(prefix, Bindable.of(type));
        } catch (BindException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ConfigProblem problem) {
                    // the records name their field relative to firebreak.notify ("ntfy.url", "channels")
                    String field = problem.field().isEmpty() ? prefix : "firebreak.notify." + problem.field();
                    throw InvalidConfiguration.at("the environment", 0, field, problem.getMessage(), e);
                }
            }
            throw InvalidConfiguration.at("the environment", 0, e.getName().toString(),
                    e.getCause() != null ? e.getCause().getMessage() : e.getMessage(), e);
        }
    }

    /** Why a contact of {@code kind} at {@code address} cannot be reached with this configuration; empty when it can. */
    public Optional<String> missing(ChannelKind kind, String address) {
        return Optional.ofNullable(switch (kind) {
            case NTFY -> ntfy.missing(address);
            case TELEGRAM -> telegram.missing();
            case MATRIX -> matrix.missing();
            case SMS -> sms.missing();
            case EMAIL -> smtp ? null : NO_SMTP;
            case WEBHOOK, SLACK, CONSOLE -> null;
        });
    }

    /** The servers configured, in one line (no token, no tokened URL). */
    public String summary() {
        List<String> configured = new ArrayList<>();
        ntfy.server().ifPresent(url -> configured.add("ntfy " + url));
        if (telegram.missing() == null) {
            configured.add("Telegram bot at " + telegram.apiUrl());
        }
        if (matrix.missing() == null) {
            configured.add("Matrix " + matrix.homeserver());
        }
        if (sms.missing() == null) {
            configured.add("SMS gateway " + Addresses.redactedUrl(Objects.requireNonNull(sms.url())));
        }
        if (smtp) {
            configured.add("SMTP");
        }
        return configured.isEmpty() ? "no ntfy, Telegram, Matrix, SMS or SMTP server: webhooks, Slack and the log only"
                : String.join(", ", configured);
    }
}
