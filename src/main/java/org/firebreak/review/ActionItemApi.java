package org.firebreak.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.TimelineKind;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Action items: the improvement tasks a review creates, tracked across incidents until done, whatever the review's
 * state (a published review still gains follow-ups). Each one added or moved is noted on its incident's timeline.
 */
@Service
public class ActionItemApi {

    public static final int MAX_LIST = 500;

    private final ActionItems items;
    private final Reviews reviews;
    private final IncidentApi incidents;
    private final TransactionTemplate tx;
    private final Clock clock;

    ActionItemApi(ActionItems items, Reviews reviews, IncidentApi incidents, TransactionTemplate tx, Clock clock) {
        this.items = items;
        this.reviews = reviews;
        this.incidents = incidents;
        this.tx = tx;
        this.clock = clock;
    }

    /** Adds an action item to the incident's review (which must exist). */
    public ActionItemView add(IncidentId incident, NewActionItem item, String actor) {
        incidents.get(incident);
        if (reviews.status(incident).isEmpty()) {
            throw new ReviewNotFound(incident);
        }
        ActionPriority priority = item.priority() == null ? ActionPriority.MEDIUM : item.priority();
        long id = Objects.requireNonNull(tx.execute(status -> {
            long created = items.insert(incident, item, priority, actor, clock.instant());
            incidents.record(incident, TimelineKind.NOTE, "Action item #" + created + " '" + item.title().strip()
                    + "' for " + item.owner().strip() + ", due " + item.dueOn() + " (" + priority + ")", actor);
            return created;
        }));
        return get(id);
    }

    public ActionItemView get(long id) {
        return items.find(id).orElseThrow(() -> new ActionItemNotFound(id)).view(today());
    }

    /** Changes the fields given; a status change must be one {@link ActionItemStatus#allowedNext()} allows. */
    public ActionItemView update(long id, ActionItemChange change, String actor) {
        tx.executeWithoutResult(status -> {
            ActionItems.Row row = items.findForUpdate(id).orElseThrow(() -> new ActionItemNotFound(id));
            Instant now = clock.instant();
            ActionItemStatus next = change.status() == null ? row.status() : change.status();
            if (next != row.status() && !row.status().allowedNext().contains(next)) {
                throw new ReviewConflict("action item #" + id + " cannot move from " + row.status() + " to " + next
                        + "; allowed: " + row.status().allowedNext());
            }
            Instant completedAt = next == ActionItemStatus.DONE ? (row.status() == ActionItemStatus.DONE
                    ? row.completedAt() : now) : null;
            ActionItems.Row changed = new ActionItems.Row(id, row.incident(),
                    change.title() == null ? row.title() : change.title().strip(),
                    change.owner() == null ? row.owner() : change.owner().strip(),
                    change.dueOn() == null ? row.dueOn() : change.dueOn(),
                    change.priority() == null ? row.priority() : change.priority(), next, row.createdBy(),
                    row.createdAt(), now, completedAt, row.lastRemindedAt());
            items.update(changed);
            String what = describeChange(row, changed);
            if (!what.isEmpty()) {
                incidents.record(row.incident(), TimelineKind.NOTE, "Action item #" + id + " '" + changed.title() + "': "
                        + what, actor);
            }
        });
        return get(id);
    }

    /**
     * Action items across incidents, most urgent first; every criterion optional.
     *
     * @param overdue true keeps only the open items whose due day has passed
     */
    public List<ActionItemView> list(@Nullable String owner, @Nullable ActionItemStatus status,
            @Nullable IncidentId incident, boolean overdue, int limit) {
        LocalDate today = today();
        return items.list(owner, status == null ? Set.of() : Set.of(status), incident, overdue ? today : null,
                Math.min(limit, MAX_LIST), 0).stream().map(r -> r.view(today)).toList();
    }

    /**
     * One page of action items across incidents, most urgent first, with the total that matched; any of
     * {@code statuses} (none: every status), {@code overdue} as in {@link #list}.
     */
    public ActionItemPage page(@Nullable String owner, Set<ActionItemStatus> statuses, boolean overdue, int page,
            int size) {
        LocalDate today = today();
        LocalDate overdueOn = overdue ? today : null;
        int rows = Math.min(size, MAX_LIST);
        return new ActionItemPage(items.list(owner, statuses, null, overdueOn, rows, page * rows).stream()
                .map(r -> r.view(today)).toList(), items.count(owner, statuses, null, overdueOn), page, rows);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String describeChange(ActionItems.Row before, ActionItems.Row after) {
        StringBuilder what = new StringBuilder();
        append(what, "status", before.status(), after.status());
        append(what, "owner", before.owner(), after.owner());
        append(what, "due", before.dueOn(), after.dueOn());
        append(what, "priority", before.priority(), after.priority());
        append(what, "title", before.title(), after.title());
        return what.toString();
    }

    private static void append(StringBuilder what, String field, Object before, Object after) {
        if (!before.equals(after)) {
            what.append(what.isEmpty() ? "" : ", ").append(field).append(' ').append(before).append(" → ").append(after);
        }
    }
}
