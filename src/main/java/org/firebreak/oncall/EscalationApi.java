package org.firebreak.oncall;

import java.time.Clock;
import java.time.Instant;

import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.IncidentStatus;
import org.firebreak.incident.IncidentView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What people do with an incident's escalation: look at it, escalate by hand with a reason, and acknowledge through
 * the signed link a page carries (once).
 */
@Service
public class EscalationApi {

    private static final Logger log = LoggerFactory.getLogger(EscalationApi.class);

    private final Paging paging;
    private final IncidentApi incidents;
    private final AckLinks links;
    private final AckLinkUses uses;
    private final Escalations escalations;
    private final TransactionTemplate tx;
    private final Clock clock;

    EscalationApi(Paging paging, IncidentApi incidents, AckLinks links, AckLinkUses uses, Escalations escalations,
            TransactionTemplate tx, Clock clock) {
        this.paging = paging;
        this.incidents = incidents;
        this.links = links;
        this.uses = uses;
        this.escalations = escalations;
        this.tx = tx;
        this.clock = clock;
    }

    /** The incident's escalation; 404 while it has none (it starts within a moment of the incident opening). */
    public EscalationView escalation(IncidentId id) {
        incidents.get(id);
        return paging.view(id).orElseThrow(() -> new EscalationNotFound(id));
    }

    /** Pages the next level now, with the reason on the timeline and in the page. */
    public EscalationView escalate(IncidentId id, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidOnCallInput("reason", "say why you escalate; it goes into the page and on the timeline");
        }
        incidents.get(id);
        return paging.escalate(id, reason.strip(), actor);
    }

    /** What a link would acknowledge; refuses malformed, forged, expired and used links. */
    public AckLinkView inspect(String token) {
        AckLinks.AckToken claims = sent(links.verify(token, clock.instant()));
        uses.usedAt(claims.id()).ifPresent(at -> {
            throw used(claims, at);
        });
        return view(claims, incidents.get(claims.incident()), false);
    }

    /** Acknowledges the incident as the person the link was sent to; the link then answers 410 Gone. */
    public AckLinkView acknowledge(String token) {
        Instant now = clock.instant();
        AckLinks.AckToken claims = sent(links.verify(token, now));
        try {
            return tx.execute(status -> {
                uses.usedAt(claims.id()).ifPresent(at -> {
                    throw used(claims, at);
                });
                IncidentView incident = incidents.get(claims.incident());
                if (incident.status() != IncidentStatus.TRIGGERED) {
                    throw new AckLinkRejected(AckLinkRejected.Reason.NOTHING_TO_ACKNOWLEDGE, claims.incident()
                            + " is already " + incident.status() + "; nothing to acknowledge");
                }
                uses.insert(claims, now);
                IncidentView acknowledged = incidents.changeStatus(claims.incident(), IncidentStatus.ACKNOWLEDGED,
                        "acknowledged through the link of the level " + claims.level() + " page ("
                                + levelName(claims) + ")", claims.person());
                return view(claims, acknowledged, true);
            });
        } catch (DuplicateKeyException e) {
            throw used(claims, now);
        }
    }

    /**
     * The claims of a link this server signed, when a page with them was really sent: the incident's escalation paged
     * that person at that level before now. A link signed with the secret for a page that never went out (a leaked or
     * guessed secret, a hand-made link) is refused, and logged for whoever watches the log.
     */
    private AckLinks.AckToken sent(AckLinks.AckToken claims) {
        boolean paged = escalations.pages(claims.incident()).stream()
                .anyMatch(p -> p.level() == claims.level() && p.person().equals(claims.person())
                        && p.at().isBefore(claims.expires()));
        if (!paged) {
            log.warn("Refused an acknowledge link signed with this server's secret for a page never sent: {} level {} "
                    + "person {}; if nobody made it by hand, the acknowledge secret may have leaked",
                    claims.incident(), claims.level(), claims.person());
            throw new AckLinkRejected(AckLinkRejected.Reason.NOT_SENT, "no page of " + claims.incident() + " went to "
                    + claims.person() + " at level " + claims.level() + "; acknowledge with: firebreak incident ack "
                    + claims.incident());
        }
        return claims;
    }

    private AckLinkView view(AckLinks.AckToken claims, IncidentView incident, boolean acknowledged) {
        return new AckLinkView(incident.id(), incident.title(), incident.severity(), incident.status(), claims.level(),
                levelName(claims), claims.person(), claims.expires(), acknowledged);
    }

    private String levelName(AckLinks.AckToken claims) {
        return escalations.find(claims.incident())
                .filter(e -> claims.level() <= e.levels())
                .map(e -> e.policy().level(claims.level()).name())
                .orElse("level " + claims.level());
    }

    private static AckLinkRejected used(AckLinks.AckToken claims, Instant at) {
        return new AckLinkRejected(AckLinkRejected.Reason.USED, "this link of " + claims.person() + "'s level "
                + claims.level() + " page for " + claims.incident() + " was already used, at " + Texts.time(at));
    }
}
