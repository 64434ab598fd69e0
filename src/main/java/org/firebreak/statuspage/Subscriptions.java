package org.firebreak.statuspage;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.firebreak.notify.Announcement;
import org.firebreak.notify.ChannelKind;
import org.firebreak.notify.Destination;
import org.firebreak.notify.NotificationApi;
import org.firebreak.notify.WebhookSecrets;
import org.firebreak.shared.StoredText;
import org.firebreak.shared.TimeText;
import org.firebreak.shared.web.PublicUrl;
import org.firebreak.statuspage.StatusPageSettings.Component;
import org.firebreak.statuspage.SubscriberStore.Subscriber;
import org.firebreak.statuspage.SubscriptionProblems.AlreadySubscribed;
import org.firebreak.statuspage.SubscriptionProblems.InvalidSubscription;
import org.firebreak.statuspage.SubscriptionProblems.UnknownLink;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscriptions to the public status page. An email address is told nothing but a confirmation link until it
 * follows the link (double opt-in; the link expires after {@code confirm-within}); a webhook is subscribed at once and
 * gets a secret of its own, returned once, that signs every delivery ({@code X-Firebreak-Signature}). Every message
 * carries the subscription's unsubscribe link. Nothing here tells the public who else subscribed: a request for an
 * address that is already subscribed answers exactly as a new one would (email), or 409 naming nobody (webhook).
 */
@Service
public class Subscriptions implements WebhookSecrets {

    static final String CONFIRM_PATH = "/status/subscriptions/confirm";
    static final String UNSUBSCRIBE_PATH = "/status/subscriptions/unsubscribe";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
            + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SubscriberStore store;
    private final StatusPage page;
    private final NotificationApi notifications;
    private final StatusPageSettings settings;
    private final PublicUrl publicUrl;
    private final Clock clock;

    Subscriptions(SubscriberStore store, StatusPage page, NotificationApi notifications, StatusPageSettings settings,
            PublicUrl publicUrl, Clock clock) {
        this.store = store;
        this.page = page;
        this.notifications = notifications;
        this.settings = settings;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** What a subscription request answers: for a webhook, its secret and unsubscribe link (shown this once). */
    public record Subscribed(String status, String detail, @Nullable String secret, @Nullable String unsubscribeUrl) {
    }

    /** A subscription as a viewer sees it: the address masked. */
    public record SubscriberView(long id, String channel, String address, List<String> components, String status,
            Instant createdAt, @Nullable Instant confirmedAt, @Nullable Instant unsubscribedAt) {
    }

    /** Subscribes an email address (a confirmation link is mailed) or a webhook URL (subscribed at once). */
    @Transactional
    public Subscribed subscribe(@Nullable String email, @Nullable String webhook, @Nullable List<String> components) {
        if ((email == null || email.isBlank()) == (webhook == null || webhook.isBlank())) {
            throw new InvalidSubscription("email", "give either email or webhook (one of them)");
        }
        List<String> wanted = components(components);
        Instant now = clock.instant();
        if (email != null && !email.isBlank()) {
            return subscribeEmail(email(email), wanted, now);
        }
        String url = webhook(webhook == null ? "" : webhook);
        if (store.webhookSecret(url).isPresent()) {
            throw new AlreadySubscribed("this webhook URL is already subscribed; to subscribe it anew, unsubscribe it "
                    + "first with the link in any message it received");
        }
        String secret = token();
        String unsubscribe = token();
        store.insert(ChannelKind.WEBHOOK, url, wanted, secret, null, null, now, unsubscribe, now);
        baseline();
        return new Subscribed("subscribed", "Deliveries are signed with the secret below (X-Firebreak-Signature: "
                + "sha256=HMAC-SHA256 of the body); it is shown only now.", secret, unsubscribeUrl(unsubscribe));
    }

    private Subscribed subscribeEmail(String email, List<String> components, Instant now) {
        Subscribed answer = new Subscribed("confirmation sent", "If the address can take mail, a confirmation link is "
                + "on its way; nothing else is sent until it is followed (it works for "
                + TimeText.duration(settings.subscribers().confirmWithin()) + ").", null, null);
        boolean pending = false;
        for (Subscriber s : store.current(ChannelKind.EMAIL, email)) {
            if (s.confirmedAt() != null) {
                return answer;
            }
            pending |= s.confirmUntil() != null && s.confirmUntil().isAfter(now);
        }
        if (pending) {
            return answer;
        }
        String confirm = token();
        Instant until = now.plus(settings.subscribers().confirmWithin());
        long id = store.insert(ChannelKind.EMAIL, email, components, null, hash(confirm), until, null, token(), now);
        String link = publicUrl.base() + CONFIRM_PATH + "?token=" + confirm;
        String body = "Someone, hopefully you, asked to be told by email when " + settings.name()
                + " changes" + (components.isEmpty() ? "" : " (" + String.join(", ", names(components)) + ")")
                + ".\n\nTo confirm, open this link before " + until + ":\n" + link
                + "\n\nIf you did not ask, ignore this message: nothing more will be sent to you.\n";
        notifications.announce(new Announcement(new Destination(ChannelKind.EMAIL, email, null),
                "[" + settings.name() + "] Confirm your subscription", body, Map.of("type", "subscription.confirm"),
                "status-page:confirm:" + id));
        return answer;
    }

    /** Confirms an email subscription from its link; from then on it is told about changes. */
    @Transactional
    public String confirm(String token) {
        Subscriber s = store.byConfirmHash(hash(token)).orElseThrow(() -> new UnknownLink(
                "this confirmation link is unknown or was already used; subscribe again to get a new one"));
        Instant now = clock.instant();
        if (s.unsubscribedAt() != null || s.confirmUntil() == null || !s.confirmUntil().isAfter(now)) {
            throw new UnknownLink("this confirmation link has expired; subscribe again to get a new one");
        }
        store.confirm(s.id(), now);
        baseline();
        return "Subscribed: " + s.address() + " is told when " + settings.name() + " changes. Every message carries a "
                + "link to unsubscribe.";
    }

    /** Ends a subscription from the link in any of its messages; nothing more is sent to it. */
    @Transactional
    public String unsubscribe(String token) {
        Subscriber s = store.byUnsubscribeToken(token).orElseThrow(() -> new UnknownLink(
                "this unsubscribe link is unknown"));
        if (s.unsubscribedAt() == null) {
            store.unsubscribe(s.id(), clock.instant());
        }
        return "Unsubscribed: nothing more is sent to " + shown(s) + ".";
    }

    /** Every subscription, newest first, addresses masked. */
    public List<SubscriberView> list(int limit) {
        Instant now = clock.instant();
        return store.all(limit).stream().map(s -> new SubscriberView(s.id(), s.channel().name(), shown(s),
                s.components(), status(s, now), s.createdAt(), s.confirmedAt(), s.unsubscribedAt())).toList();
    }

    /** With a first subscriber, the state the next change is compared with: the page as it is now. */
    private void baseline() {
        Optional<SubscriberStore.StoredState> last = store.stateForUpdate();
        if (last.isEmpty() || last.get().state().isEmpty()) {
            store.saveState(last.map(SubscriberStore.StoredState::seq).orElse(0L),
                    PublicState.of(page.summary()).text(), clock.instant());
        }
    }

    @Override
    public Optional<String> secretFor(String url) {
        return store.webhookSecret(url);
    }

    String unsubscribeUrl(String token) {
        return publicUrl.base() + UNSUBSCRIBE_PATH + "?token=" + token;
    }

    List<String> names(List<String> ids) {
        return settings.components().stream().filter(c -> ids.contains(c.id())).map(Component::name).toList();
    }

    private static String status(Subscriber s, Instant now) {
        if (s.unsubscribedAt() != null) {
            return "UNSUBSCRIBED";
        }
        if (s.confirmedAt() != null) {
            return "ACTIVE";
        }
        return s.confirmUntil() != null && s.confirmUntil().isAfter(now) ? "PENDING" : "EXPIRED";
    }

    /** An address as a viewer may see it: a webhook as {@link Destination#shown()}, an email as {@code a…@host}. */
    static String shown(Subscriber s) {
        if (s.channel() == ChannelKind.EMAIL) {
            int at = s.address().indexOf('@');
            return s.address().charAt(0) + "…" + s.address().substring(at);
        }
        return new Destination(s.channel(), s.address(), null).shown();
    }

    private List<String> components(@Nullable List<String> components) {
        if (components == null) {
            return List.of();
        }
        Set<String> known = settings.components().stream().map(Component::id).collect(Collectors.toSet());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < components.size(); i++) {
            String id = components.get(i);
            if (id == null || !known.contains(id)) {
                throw new InvalidSubscription("components[" + i + "]", "not a component of this page; the page's "
                        + "components are " + String.join(", ", new java.util.TreeSet<>(known)));
            }
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static String email(String email) {
        String address = email.strip();
        if (address.length() > 254 || StoredText.refusal(address).isPresent() || !EMAIL.matcher(address).matches()) {
            throw new InvalidSubscription("email", "not an email address (name@example.org)");
        }
        int at = address.lastIndexOf('@');
        return address.substring(0, at) + address.substring(at).toLowerCase(Locale.ROOT);
    }

    /** An http(s) URL with a host, and, unless allowed, none that resolves into a private or loopback network. */
    private String webhook(String webhook) {
        String url = webhook.strip();
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new InvalidSubscription("webhook", "not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidSubscription("webhook", "must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || url.length() > 2000
                || StoredText.refusal(url).isPresent()) {
            throw new InvalidSubscription("webhook", "must be an http or https URL with a host and no user name, "
                    + "at most 2000 characters");
        }
        if (!settings.subscribers().allowPrivateWebhooks()) {
            try {
                for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                    if (internal(address)) {
                        throw new InvalidSubscription("webhook", "points into a private, loopback or link-local "
                                + "network (" + address.getHostAddress() + "); a subscriber's webhook must be public");
                    }
                }
            } catch (UnknownHostException e) {
                throw new InvalidSubscription("webhook", "its host " + uri.getHost() + " does not resolve");
            }
        }
        return url;
    }

    static boolean internal(InetAddress address) {
        byte[] raw = address.getAddress();
        boolean uniqueLocal = raw.length == 16 && (raw[0] & 0xfe) == 0xfc;
        boolean sharedSpace = raw.length == 4 && (raw[0] & 0xff) == 100 && (raw[1] & 0xc0) == 64;
        return address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress() || uniqueLocal || sharedSpace;
    }

    static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
