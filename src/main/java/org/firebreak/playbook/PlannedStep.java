package org.firebreak.playbook;

/** A playbook step as it goes onto an incident's checklist, with the playbook version it came from. */
public record PlannedStep(String playbookId, int playbookVersion, String section, PlaybookStep step) {
}
