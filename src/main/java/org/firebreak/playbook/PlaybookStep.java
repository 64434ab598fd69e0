package org.firebreak.playbook;

import java.util.regex.Pattern;

import org.firebreak.shared.ConfigProblem;
import org.jspecify.annotations.Nullable;

/**
 * One step of a playbook. A step with an {@code automation} id ({@code diagnostic:<name>} or
 * {@code action:<name>}) is automated; without one it is manual.
 */
public record PlaybookStep(String id, String title, String description, @Nullable String automation) {

    static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,63}");
    static final Pattern AUTOMATION = Pattern.compile("(diagnostic|action):[a-z][a-z0-9-]{1,63}");

    public PlaybookStep {
        ConfigProblem.required("id", id);
        if (!ID.matcher(id).matches()) {
            throw new ConfigProblem("id", "must be lower-kebab-case, 2 to 64 characters, got '" + id + "'");
        }
        ConfigProblem.required("title", title);
        if (title.length() > 200) {
            throw new ConfigProblem("title", "is longer than 200 characters");
        }
        description = description == null ? "" : description.strip();
        if (automation != null && !AUTOMATION.matcher(automation).matches()) {
            throw new ConfigProblem("automation",
                    "must be 'diagnostic:<name>' or 'action:<name>' in lower-kebab-case, got '" + automation + "'");
        }
    }

    public StepKind kind() {
        return automation == null ? StepKind.MANUAL : StepKind.AUTOMATED;
    }
}
