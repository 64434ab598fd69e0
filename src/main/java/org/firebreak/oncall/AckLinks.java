package org.firebreak.oncall;

import org.firebreak.shared.web.PublicUrl;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.firebreak.incident.IncidentId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Signed acknowledge links: {@code {public-url}/ack/{token}}, the token {@code v1.<payload>.<signature>} in base64url,
 * the payload {@code INC-7|2|bob|<expiry epoch second>} and the signature its HMAC-SHA256 under
 * {@code firebreak.oncall.ack-secret}. Nothing is stored when a link is made; using one stores its signature, so it
 * works once.
 */
@Component
class AckLinks {

    private static final Logger log = LoggerFactory.getLogger(AckLinks.class);
    private static final Pattern PAYLOAD = Pattern.compile("(INC-[1-9][0-9]{0,17})\\|([1-9][0-9]?)\\|([a-z0-9][a-z0-9._-]{0,62})\\|([0-9]{1,12})");
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final PublicUrl publicUrl;

    AckLinks(OnCallSettings settings, PublicUrl publicUrl) {
        this.key = new SecretKeySpec(settings.ackSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.publicUrl = publicUrl;
        if (settings.devnetSecret()) {
            log.warn("Acknowledge links are signed with the devnet secret: set FIREBREAK_ACK_SECRET anywhere but the devnet");
        }
    }

    /** What a valid token says: who may acknowledge which incident, paged at which level, until when. */
    record AckToken(IncidentId incident, int level, String person, Instant expires, String id) {
    }

    String url(IncidentId incident, int level, String person, Instant expires) {
        return publicUrl.base() + "/ack/" + token(incident, level, person, expires);
    }

    String token(IncidentId incident, int level, String person, Instant expires) {
        byte[] payload = (incident + "|" + level + "|" + person + "|" + expires.getEpochSecond())
                .getBytes(StandardCharsets.UTF_8);
        return "v1." + ENCODE.encodeToString(payload) + "." + ENCODE.encodeToString(sign(payload));
    }

    /** The token's claims, when it is well-formed, signed with this server's secret and not expired at {@code now}. */
    AckToken verify(String token, Instant now) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals("v1") || token.length() > 512) {
            throw new AckLinkRejected(AckLinkRejected.Reason.MALFORMED,
                    "the link is not a Firebreak acknowledge link (expected v1.<payload>.<signature>)");
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODE.decode(parts[1]);
            signature = DECODE.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new AckLinkRejected(AckLinkRejected.Reason.MALFORMED, "the link is not valid base64url: " + e.getMessage());
        }
        if (!MessageDigest.isEqual(sign(payload), signature)) {
            throw new AckLinkRejected(AckLinkRejected.Reason.FORGED,
                    "the link's signature does not match: it was altered, or signed with another secret");
        }
        Matcher claims = PAYLOAD.matcher(new String(payload, StandardCharsets.UTF_8));
        if (!claims.matches()) {
            throw new AckLinkRejected(AckLinkRejected.Reason.MALFORMED, "the link's payload cannot be read");
        }
        Instant expires = Instant.ofEpochSecond(Long.parseLong(claims.group(4)));
        if (!now.isBefore(expires)) {
            throw new AckLinkRejected(AckLinkRejected.Reason.EXPIRED, "the link expired at " + expires
                    + "; acknowledge with: firebreak incident ack " + claims.group(1));
        }
        return new AckToken(IncidentId.parse(claims.group(1)), Integer.parseInt(claims.group(2)), claims.group(3),
                expires, parts[2]);
    }

    /** HMAC-SHA256 under the acknowledge secret; {@link CalendarFeeds} signs its own, differently shaped payloads with it. */
    byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
