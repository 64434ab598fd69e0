package org.firebreak.statuspage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.firebreak.comms.StatusUpdatePosted;
import org.firebreak.incident.IncidentEvents.IncidentOpened;
import org.firebreak.incident.IncidentEvents.IncidentSeverityChanged;
import org.firebreak.incident.IncidentEvents.IncidentStatusChanged;
import org.firebreak.notify.Announcement;
import org.firebreak.notify.Destination;
import org.firebreak.notify.NotificationApi;
import org.firebreak.statuspage.PublicState.Change;
import org.firebreak.statuspage.PublicState.ComponentChange;
import org.firebreak.statuspage.PublicState.PostedUpdate;
import org.firebreak.statuspage.SubscriberStore.StoredState;
import org.firebreak.statuspage.SubscriberStore.Subscriber;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells subscribers when the public page changes, and only then: the page's {@link PublicState} (each component's
 * status, the public updates shown) is compared with the one last told, right after an incident opens or changes
 * status or severity and after a status update is posted, and every {@code check-every} (maintenance windows start
 * and end by the clock). A different state is stored with the next change number in the same transaction that asks
 * notify for one message per confirmed subscriber it concerns, keyed by change and subscriber, so each change is told
 * once however many checks see it. An internal update, a Low incident or a note change nothing public: no message.
 * While nobody is subscribed nothing is compared; the first subscriber (a webhook created, an email confirmed)
 * records the state the next change is compared with.
 */
@Configuration(proxyBeanMethods = false)
class ChangeNotices {

    static final String TASK = "status-page-changes";

    private final StatusPage page;
    private final SubscriberStore store;
    private final Subscriptions subscriptions;
    private final NotificationApi notifications;
    private final StatusPageSettings settings;
    private final TransactionTemplate tx;
    private final Clock clock;

    ChangeNotices(StatusPage page, SubscriberStore store, Subscriptions subscriptions, NotificationApi notifications,
            StatusPageSettings settings, TransactionTemplate tx, Clock clock) {
        this.page = page;
        this.store = store;
        this.subscriptions = subscriptions;
        this.notifications = notifications;
        this.settings = settings;
        this.tx = tx;
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> statusPageChanges() {
        return Tasks.recurring(TASK, FixedDelay.of(settings.subscribers().checkEvery()))
                .execute((instance, context) -> check());
    }

    @ApplicationModuleListener
    void on(IncidentOpened opened) {
        check();
    }

    @ApplicationModuleListener
    void on(IncidentStatusChanged changed) {
        check();
    }

    @ApplicationModuleListener
    void on(IncidentSeverityChanged changed) {
        check();
    }

    @ApplicationModuleListener
    void on(StatusUpdatePosted posted) {
        check();
    }

    /** Compares the public state with the last told; returns how many subscribers were told (0: no change). */
    int check() {
        Integer told = tx.execute(status -> compareAndTell());
        return told == null ? 0 : told;
    }

    private int compareAndTell() {
        List<Subscriber> active = store.active();
        if (active.isEmpty()) {
            // Nobody to tell: no page to compute on every event. The next subscriber starts from a fresh baseline.
            store.forgetState();
            return 0;
        }
        StoredState last = store.stateForUpdate().orElse(null);
        // Read the page once the lock is held: a check that waited sees what the one before it stored.
        StatusSummary summary = page.summary();
        PublicState state = PublicState.of(summary);
        if (last == null || last.state().isEmpty()) {
            store.saveState(last == null ? 0 : last.seq(), state.text(), clock.instant());
            return 0;
        }
        if (state.text().equals(last.state())) {
            return 0;
        }
        Change change = state.since(PublicState.parse(last.state()), summary);
        long seq = change.isEmpty() ? last.seq() : last.seq() + 1;
        store.saveState(seq, state.text(), clock.instant());
        int told = 0;
        for (Subscriber s : active) {
            if (!change.isEmpty() && s.wants(change.concerns())) {
                notifications.announce(notice(summary, change, seq, s));
                told++;
            }
        }
        return told;
    }

    private Announcement notice(StatusSummary summary, Change change, long seq, Subscriber s) {
        String unsubscribe = subscriptions.unsubscribeUrl(s.unsubscribeToken());
        StringBuilder body = new StringBuilder(summary.name()).append(" changed at ").append(summary.updatedAt())
                .append(".\n");
        if (!change.components().isEmpty()) {
            body.append("\nComponents:\n");
            change.components().forEach(c -> body.append("  ").append(c.name()).append(": ").append(c.from().label())
                    .append(" → ").append(c.to().label()).append('\n'));
        }
        if (!change.updates().isEmpty()) {
            body.append("\nUpdates:\n");
            change.updates().forEach(u -> body.append("  ").append(u.incident().name()).append(" (")
                    .append(u.update().status()).append(", ").append(u.update().at()).append("): ")
                    .append(u.update().body()).append('\n'));
        }
        body.append("\nStatus page: ").append(summary.url()).append("\nUnsubscribe: ").append(unsubscribe)
                .append('\n');
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "status-page.changed");
        payload.put("change", seq);
        payload.put("page", Map.of("name", summary.name(), "url", summary.url()));
        payload.put("at", summary.updatedAt().toString());
        payload.put("components", change.components().stream().map(c -> Map.of("id", c.id(), "name", c.name(),
                "from", c.from().wire(), "to", c.to().wire())).toList());
        payload.put("updates", change.updates().stream().map(u -> Map.of("id", u.update().id(),
                "incident", u.incident().id(), "incidentName", u.incident().name(), "status", u.update().status(),
                "body", u.update().body(), "at", u.update().at().toString(),
                "components", u.incident().components())).toList());
        payload.put("unsubscribe", unsubscribe);
        return new Announcement(new Destination(s.channel(), s.address(), null),
                "[" + summary.name() + "] " + subject(change), body.toString(), payload,
                "status-page:change:" + seq + ":" + s.id());
    }

    /** "Delegations: Major outage" or "Redemptions revert: identified", and how many more. */
    private static String subject(Change change) {
        List<String> parts = new ArrayList<>();
        for (ComponentChange c : change.components()) {
            parts.add(c.name() + ": " + c.to().label());
        }
        for (PostedUpdate u : change.updates()) {
            parts.add(u.incident().name() + ": " + u.update().status());
        }
        return parts.size() <= 2 ? String.join("; ", parts)
                : parts.stream().limit(2).collect(Collectors.joining("; ")) + " and " + (parts.size() - 2) + " more";
    }
}
