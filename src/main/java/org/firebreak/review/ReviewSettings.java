package org.firebreak.review;

import java.time.Duration;

import org.firebreak.shared.ConfigProblem;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Post-incident settings ({@code firebreak.review.*}).
 *
 * @param impactMargin added before detection and after resolution to make the chain window of a review's impact:
 *        failures that led up to the detection (the failed-operations rule looks back 5 minutes) and those still
 *        landing while the fix rolled out are counted
 * @param remindEvery how often the reminder job looks for overdue action items and playbooks
 * @param remindAgainAfter an owner is reminded of one overdue item at most once in this long
 */
@ConfigurationProperties("firebreak.review")
public record ReviewSettings(@DefaultValue("5m") Duration impactMargin, @DefaultValue("15m") Duration remindEvery,
        @DefaultValue("1d") Duration remindAgainAfter) {

    public ReviewSettings {
        if (impactMargin.isNegative()) {
            throw new ConfigProblem("impactMargin", "cannot be negative, e.g. 5m");
        }
        if (remindEvery.isNegative() || remindEvery.isZero()) {
            throw new ConfigProblem("remindEvery", "must be positive, e.g. 15m");
        }
        if (remindAgainAfter.isNegative() || remindAgainAfter.isZero()) {
            throw new ConfigProblem("remindAgainAfter", "must be positive, e.g. 1d");
        }
    }
}
