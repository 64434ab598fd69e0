package org.firebreak.notify;

import java.io.IOException;
import java.net.ConnectException;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email over SMTP through Spring's {@link JavaMailSender} ({@code spring.mail.*}). The connection, read and write
 * timeouts in application.yml make a server that is down fail the attempt in seconds; other destinations of the
 * same notification do not wait for it, since each delivery is attempted on its own.
 */
@Component
class EmailSender implements ChannelSender {

    private final ObjectProvider<JavaMailSender> mail;
    private final NotifySettings settings;

    EmailSender(ObjectProvider<JavaMailSender> mail, NotifySettings settings) {
        this.mail = mail;
        this.settings = settings;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.EMAIL;
    }

    @Override
    public Sent send(Outgoing out) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return new Sent.Failed(ChannelServers.NO_SMTP);
        }
        try {
            InternetAddress to = new InternetAddress(out.to().address(), true);
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(settings.mailFrom());
            helper.setTo(to);
            helper.setSubject(out.message().subject());
            helper.setText(out.message().body());
            message.setHeader("X-Firebreak-Delivery", out.key());
            sender.send(message);
            return new Sent.Delivered("accepted by the SMTP server");
        } catch (AddressException e) {
            return new Sent.Failed("not an email address");
        } catch (MailAuthenticationException | MailParseException | MailPreparationException e) {
            return new Sent.Failed(Sent.describe(e));
        } catch (MailSendException e) {
            return answerLost(e) ? new Sent.Unknown(Sent.describe(e)) : new Sent.Retryable(Sent.describe(e));
        } catch (MailException | MessagingException e) {
            return new Sent.Retryable(Sent.describe(e));
        }
    }

    /**
     * Whether the connection failed (a timeout, a reset) while the message was being sent, rather than the server
     * refusing it or never being reached: the server may have taken it, so the outcome is unknown. Spring lists a
     * message as failed only once connected; a refused or unreachable server fails before that.
     */
    static boolean answerLost(MailSendException e) {
        return e.getFailedMessages().values().stream().map(Sent::root)
                .anyMatch(root -> root instanceof IOException && !(root instanceof ConnectException));
    }
}
