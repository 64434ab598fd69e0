package org.firebreak.comms;

import java.nio.file.Path;
import java.time.Duration;

import org.firebreak.shared.ConfigProblem;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code firebreak.comms.*}.
 *
 * @param file the stakeholder groups; while it does not exist, the shipped devnet default is used
 * @param statusUpdateEvery how often a Critical incident's commander is reminded to post a status update
 */
@ConfigurationProperties("firebreak.comms")
record CommsSettings(@DefaultValue("./config/stakeholders.yml") Path file,
        @DefaultValue("30m") Duration statusUpdateEvery) {

    CommsSettings {
        if (statusUpdateEvery.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new ConfigProblem("statusUpdateEvery", "must be at least 1m, e.g. 30m");
        }
    }
}
