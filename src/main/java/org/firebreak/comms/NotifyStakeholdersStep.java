package org.firebreak.comms;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.IncidentView;
import org.firebreak.notify.DeliveryView;
import org.firebreak.notify.MessageKind;
import org.firebreak.notify.NotificationApi;
import org.firebreak.playbook.StepExecutor;
import org.firebreak.playbook.StepOutcome;
import org.firebreak.shared.TimeText;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The plan's "Notify stakeholders immediately" step ({@code action:notify-stakeholders}). A Critical incident tells
 * its stakeholders by itself when it opens, so the step usually reports who was told; otherwise it tells them now,
 * under the same key, so the notice still goes out once.
 */
@Component
class NotifyStakeholdersStep implements StepExecutor {

    private final IncidentApi incidents;
    private final NotificationApi notifications;
    private final Stakeholders stakeholders;
    private final StakeholderNotices notices;
    private final CommsSettings settings;

    /** Lazy: the incident module finds its step executors when it is built, this one among them. */
    NotifyStakeholdersStep(@Lazy IncidentApi incidents, NotificationApi notifications, Stakeholders stakeholders,
            @Lazy StakeholderNotices notices, CommsSettings settings) {
        this.incidents = incidents;
        this.notifications = notifications;
        this.stakeholders = stakeholders;
        this.notices = notices;
        this.settings = settings;
    }

    @Override
    public String automation() {
        return "action:notify-stakeholders";
    }

    @Override
    public StepOutcome run(StepRun run) {
        IncidentId id = IncidentId.parse(run.incidentId());
        List<DeliveryView> told = notifications.deliveries(id).stream()
                .filter(d -> d.kind() == MessageKind.STAKEHOLDER_NOTICE).toList();
        if (!told.isEmpty()) {
            return new StepOutcome(StepOutcome.Result.OK, "Already told: " + describe(told), Map.of());
        }
        IncidentView incident = incidents.get(id);
        List<StakeholderFile.Group> groups = stakeholders.groupsFor(incident.components());
        if (groups.isEmpty()) {
            return new StepOutcome(StepOutcome.Result.WARN, "No stakeholder group covers "
                    + (incident.components().isEmpty() ? "an incident without components"
                            : String.join(", ", incident.components())) + ": tell them by hand", Map.of());
        }
        notices.send(incident, MessageKind.STAKEHOLDER_NOTICE, groups,
                Map.of("every", TimeText.duration(settings.statusUpdateEvery())), id + ":stakeholder-notice:critical");
        return new StepOutcome(StepOutcome.Result.OK, "Told " + Stakeholders.names(groups)
                + "; each delivery follows on the timeline", Map.of("groups", Stakeholders.names(groups)));
    }

    private static String describe(List<DeliveryView> deliveries) {
        return deliveries.stream().map(d -> d.channel() + " " + d.address() + " " + d.status())
                .collect(Collectors.joining(", "));
    }
}
