package org.firebreak.playbook.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.firebreak.playbook.Playbook;
import org.firebreak.playbook.PlaybookCatalog;
import org.firebreak.playbook.PlaybookKind;
import org.firebreak.playbook.PlaybookSection;
import org.firebreak.playbook.PlaybookStep;
import org.firebreak.playbook.StepExecutors;
import org.firebreak.playbook.StepKind;
import org.firebreak.shared.web.ConsolePage;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * GET /playbooks, the catalogue (response procedures per severity, common-incident playbooks per type), and
 * GET /playbooks/{id}, one playbook's steps in the order the checklist gets them, with what runs each automated one.
 */
@ConsolePage
class PlaybookPages {

    private final PlaybookCatalog catalog;
    private final StepExecutors executors;
    private final Clock clock;

    PlaybookPages(PlaybookCatalog catalog, StepExecutors executors, Clock clock) {
        this.catalog = catalog;
        this.executors = executors;
        this.clock = clock;
    }

    /**
     * One step as the page lists it.
     *
     * @param executor what runs it: "runs by itself" for an installed check, "needs confirmation by the commander"
     *        for an installed action, or that nothing is installed for it; null for a manual step
     */
    record Step(int no, String section, PlaybookStep step, StepKind kind, @Nullable String executor, boolean action) {
    }

    /** The response procedures, or the common-incident playbooks. */
    record Group(String title, String serves, List<Playbook> playbooks) {
    }

    @GetMapping("/playbooks")
    String catalogue(Model model) {
        List<Playbook> all = catalog.all();
        model.addAttribute("groups", List.of(
                new Group("Response procedures", "Severities",
                        all.stream().filter(p -> p.kind() == PlaybookKind.RESPONSE_PROCEDURE).toList()),
                new Group("Common incidents", "Incident type",
                        all.stream().filter(p -> p.kind() == PlaybookKind.COMMON_INCIDENT).toList())));
        model.addAttribute("today", today());
        return "playbook/playbooks";
    }

    @GetMapping("/playbooks/{id}")
    String playbook(@PathVariable String id, Model model) {
        Playbook playbook = catalog.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no playbook '" + id + "'"));
        List<Step> steps = new ArrayList<>();
        for (PlaybookSection section : playbook.sections()) {
            for (PlaybookStep step : section.steps()) {
                steps.add(step(steps.size() + 1, section.name(), step));
            }
        }
        model.addAttribute("playbook", playbook);
        model.addAttribute("steps", steps);
        model.addAttribute("reviewOverdue", playbook.reviewOverdue(today()));
        return "playbook/playbook";
    }

    private Step step(int no, String section, PlaybookStep step) {
        if (step.automation() == null) {
            return new Step(no, section, step, StepKind.MANUAL, null, false);
        }
        return executors.find(step.automation())
                .map(e -> new Step(no, section, step, StepKind.AUTOMATED, e.isAction()
                        ? "action: runs only when the incident commander confirms it"
                        : "check: runs by itself when the incident opens", e.isAction()))
                .orElseGet(() -> new Step(no, section, step, StepKind.AUTOMATED,
                        StepExecutors.notInstalled(step.automation()), step.automation().startsWith("action:")));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
