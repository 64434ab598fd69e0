package org.firebreak.review;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

import org.firebreak.playbook.Playbook;
import org.firebreak.playbook.PlaybookCatalog;
import org.springframework.stereotype.Service;

/**
 * The plan's "keep documentation updated, maintain runbooks, review regularly": the playbooks in force whose
 * review-by date has passed, longest overdue first.
 */
@Service
public class RunbookHygiene {

    static final String REMINDER_KIND = "PLAYBOOK_REVIEW";

    private final PlaybookCatalog playbooks;
    private final ActionItems reminders;
    private final Clock clock;

    RunbookHygiene(PlaybookCatalog playbooks, ActionItems reminders, Clock clock) {
        this.playbooks = playbooks;
        this.reminders = reminders;
        this.clock = clock;
    }

    public List<OverduePlaybook> overdue() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return playbooks.all().stream().filter(p -> p.reviewOverdue(today))
                .sorted(Comparator.comparing(Playbook::reviewBy).thenComparing(Playbook::id))
                .map(p -> new OverduePlaybook(p.id(), p.version(), p.title(), p.owner(), p.reviewBy(),
                        p.reviewBy().until(today, ChronoUnit.DAYS),
                        reminders.lastReminded(REMINDER_KIND, subject(p.id(), p.version())).orElse(null)))
                .toList();
    }

    /** A playbook is reminded of per version: a new version with a new date starts afresh. */
    static String subject(String id, int version) {
        return id + "@" + version;
    }
}
