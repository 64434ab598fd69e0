package org.firebreak.oncall;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * On-call settings ({@code firebreak.oncall.*}).
 *
 * @param file the operators' people, schedules and escalation policies; when it does not exist the shipped devnet
 *        default is used (three people, one weekly rotation, the plan's escalation path)
 * @param ackSecret the HMAC-SHA256 key that signs acknowledge links (env {@code FIREBREAK_ACK_SECRET}); at least 16
 *        bytes; changing it invalidates the links already sent
 * @param ackLinkValidity how long a page's acknowledge link works
 * @param paging false: incidents start no escalation (for teams that page through another tool, e.g. PagerDuty,
 *        and want Firebreak not to page twice); who is on call and escalating by hand still work
 * @param calendarPast how far back the calendar feeds reach (default 8 weeks)
 * @param calendarAhead how far ahead the calendar feeds reach (default 26 weeks)
 * @param tellNextOnCall true: when someone acknowledges a Critical, the next person on call in the paged schedule
 *        (who takes over at the end of the current shift) is told, so the hand-off does not surprise them
 * @param shiftNoticeBefore how long before a shift starts its person is told (default 1 h; 0 turns it off)
 * @param shiftNoticeEvery how often the shift notices look for shifts about to start
 * @param shiftSummary OFF, DAILY or WEEKLY (Mondays): each person with shifts in the coming day or week is sent
 *        them, at {@code shiftSummaryTime} in {@code shiftSummaryZone}
 */
@ConfigurationProperties("firebreak.oncall")
record OnCallSettings(@DefaultValue("config/oncall.yml") Path file,
        @DefaultValue(OnCallSettings.DEVNET_ACK_SECRET) String ackSecret,
        @DefaultValue("24h") Duration ackLinkValidity, @DefaultValue("true") boolean paging,
        @DefaultValue("56d") Duration calendarPast, @DefaultValue("182d") Duration calendarAhead,
        @DefaultValue("false") boolean tellNextOnCall, @DefaultValue("1h") Duration shiftNoticeBefore,
        @DefaultValue("5m") Duration shiftNoticeEvery, @DefaultValue("WEEKLY") SummaryEvery shiftSummary,
        @DefaultValue("08:00") java.time.LocalTime shiftSummaryTime, @DefaultValue("UTC") java.time.ZoneId shiftSummaryZone) {

    /** How often the "your upcoming shifts" summary goes out, and how far ahead it looks. */
    enum SummaryEvery {
        OFF(0), DAILY(1), WEEKLY(7);

        final int days;

        SummaryEvery(int days) {
            this.days = days;
        }
    }


    static final String DEVNET_ACK_SECRET = "devnet-ack-secret";

    OnCallSettings {
        if (ackSecret.getBytes(StandardCharsets.UTF_8).length < 16) {
            throw new IllegalArgumentException("firebreak.oncall.ack-secret (FIREBREAK_ACK_SECRET) must be at least 16 bytes");
        }
        if (ackLinkValidity.isNegative() || ackLinkValidity.isZero()) {
            throw new IllegalArgumentException("firebreak.oncall.ack-link-validity must be positive, e.g. 24h");
        }
        if (shiftNoticeBefore.isNegative() || shiftNoticeBefore.compareTo(Duration.ofDays(7)) > 0
                || shiftNoticeEvery.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new IllegalArgumentException("firebreak.oncall.shift-notice-before must be 0 to 7d, e.g. 1h, and "
                    + "shift-notice-every at least 10s, e.g. 5m");
        }
        if (calendarPast.isNegative() || calendarAhead.isNegative() || calendarPast.plus(calendarAhead).isZero()
                || calendarPast.plus(calendarAhead).compareTo(Duration.ofDays(731)) > 0) {
            throw new IllegalArgumentException("firebreak.oncall.calendar-past and calendar-ahead must not be negative "
                    + "and together cover more than nothing and at most two years, e.g. 56d and 182d");
        }
    }

    boolean devnetSecret() {
        return DEVNET_ACK_SECRET.equals(ackSecret);
    }
}
