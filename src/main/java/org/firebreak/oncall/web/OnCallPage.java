package org.firebreak.oncall.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.firebreak.oncall.EscalationPolicy;
import org.firebreak.oncall.OnCallApi.OnCallView;
import org.firebreak.oncall.OnCallApi.ScheduleView;
import org.firebreak.oncall.OnCallApi;
import org.firebreak.oncall.Person;
import org.firebreak.oncall.Shift;
import org.firebreak.shared.Severity;
import org.firebreak.shared.TimeText;
import org.firebreak.shared.web.ConsolePage;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * GET /oncall: who each escalation level would page now (L1, L2, L3...), every schedule with who is on call and the
 * hand-overs of the next seven days, and the escalation policies with their acknowledge timeouts.
 */
@ConsolePage
class OnCallPage {

    static final Duration AHEAD = Duration.ofDays(7);

    private final OnCallApi oncall;
    private final Clock clock;

    OnCallPage(OnCallApi oncall, Clock clock) {
        this.oncall = oncall;
        this.clock = clock;
    }

    /** One level of a policy with the people it would page now (a schedule's on-call person, or its named people). */
    record LevelNow(String label, EscalationPolicy.Level level, List<Who> people, String timeouts) {
    }

    record PolicyView(EscalationPolicy policy, List<LevelNow> levels) {
    }

    /** A schedule with its stretches over the next seven days: each after the first starts with a hand-over. */
    record ScheduleRota(ScheduleView schedule, List<Stretch> rota) {
    }

    record Stretch(Shift shift, Who who) {
    }

    /** A person by name, with how they are reached; a person the file does not describe is shown by id. */
    record Who(String id, String name, String contacts) {

        static Who of(Map<String, Person> people, String id) {
            Person p = people.get(id);
            return p == null ? new Who(id, id, "") : new Who(id, p.name(), p.contactText());
        }
    }

    @GetMapping("/oncall")
    String show(Model model) {
        Instant now = clock.instant();
        Map<String, Person> people = oncall.people().stream()
                .collect(Collectors.toMap(Person::id, Function.identity()));
        List<ScheduleView> schedules = oncall.schedules();
        Map<String, OnCallView> onCall = schedules.stream().collect(Collectors.toMap(ScheduleView::id, ScheduleView::now));
        List<PolicyView> policies = oncall.policies().stream().map(p -> policy(p, onCall, people)).toList();
        List<ScheduleRota> rotas = schedules.stream().map(s -> new ScheduleRota(s, oncall.rota(s.id(), now, now.plus(AHEAD))
                .stream().map(shift -> new Stretch(shift, Who.of(people, shift.person()))).toList())).toList();
        model.addAttribute("now", now);
        model.addAttribute("policies", policies);
        model.addAttribute("schedules", rotas);
        return "oncall/oncall";
    }

    private static PolicyView policy(EscalationPolicy policy, Map<String, OnCallView> onCall, Map<String, Person> people) {
        List<LevelNow> levels = new ArrayList<>();
        for (int n = 1; n <= policy.levels().size(); n++) {
            EscalationPolicy.Level level = policy.level(n);
            List<Who> paged;
            if (level.schedule() != null) {
                OnCallView now = onCall.get(level.schedule());
                paged = now == null || now.person() == null ? List.of() : List.of(Who.of(people, now.person().id()));
            } else {
                paged = level.people().stream().map(id -> Who.of(people, id)).toList();
            }
            List<String> timeouts = new ArrayList<>();
            for (Severity severity : Severity.values()) {
                policy.timeout(n, severity).ifPresent(t -> timeouts.add(severity + " " + TimeText.duration(t)));
            }
            levels.add(new LevelNow("L" + n, level, paged, timeouts.isEmpty() ? "not paged" : String.join(", ", timeouts)));
        }
        return new PolicyView(policy, levels);
    }

}
