package org.firebreak.detection.rules;

import java.util.List;

import org.firebreak.shared.ConfigProblem;

/** A rules file: a list of rules. A rule with the id of a shipped rule replaces it; enabled: false turns it off. */
record RuleFile(List<Rule> rules) {
    RuleFile {
        ConfigProblem.required("rules", rules);
        rules = List.copyOf(rules);
    }
}
