package org.firebreak.oncall;

import java.util.List;

import org.firebreak.shared.ConfigProblem;

/** The operators' on-call file: people, schedules and escalation policies. */
record OnCallFile(List<Person> people, List<Schedule> schedules, List<EscalationPolicy> policies) {

    OnCallFile {
        ConfigProblem.required("people", people);
        ConfigProblem.required("policies", policies);
        people = List.copyOf(people);
        schedules = schedules == null ? List.of() : List.copyOf(schedules);
        policies = List.copyOf(policies);
        if (people.isEmpty()) {
            throw new ConfigProblem("people", "give at least one person");
        }
        if (policies.isEmpty()) {
            throw new ConfigProblem("policies", "give at least one escalation policy");
        }
    }
}
