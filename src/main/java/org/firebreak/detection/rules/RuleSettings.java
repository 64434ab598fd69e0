package org.firebreak.detection.rules;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Firebreak's own detection rules.
 *
 * @param directory operators' rule files ({@code *.yml}); a rule there with a shipped rule's id replaces it
 * @param enabled false stops evaluating rules (external alerts still come in)
 * @param tick how often the rules are looked at; each rule then runs on its own interval (a diagnostic rule once
 *        per block time unless it says otherwise), so a rule is at most a tick late
 */
@ConfigurationProperties("firebreak.rules")
record RuleSettings(@DefaultValue("config/rules") Path directory, @DefaultValue("true") boolean enabled,
        @DefaultValue("500ms") Duration tick) {
}
