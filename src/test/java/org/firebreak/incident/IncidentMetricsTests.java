package org.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.HttpApi;
import org.firebreak.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Incident metrics as Prometheus scrapes them: open incidents by severity, time to acknowledge and to resolve. */
@FirebreakIntegrationTest
class IncidentMetricsTests {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    @Test
    void openIncidentsBySeverityAndTimeToAcknowledgeAndResolveAreScraped() {
        HttpApi api = new HttpApi(port).as("alice");
        double before = value("firebreak_incidents_open\\{severity=\"high\"}");
        String id = api.post("/api/v1/incidents", "{\"title\": \"Slow bundles\", \"severity\": \"HIGH\"}").json()
                .get("id").asString();
        assertThat(value("firebreak_incidents_open\\{severity=\"high\"}")).isEqualTo(before + 1);

        clock.advance(Duration.ofSeconds(90));
        api.post("/api/v1/incidents/" + id + "/status", "{\"status\": \"ACKNOWLEDGED\"}");
        clock.advance(Duration.ofSeconds(30));
        api.post("/api/v1/incidents/" + id + "/status", "{\"status\": \"RESOLVED\"}");

        assertThat(value("firebreak_incidents_open\\{severity=\"high\"}")).isEqualTo(before);
        assertThat(value("firebreak_incidents_time_to_acknowledge_seconds_max\\{severity=\"high\"}")).isEqualTo(90.0);
        assertThat(value("firebreak_incidents_time_to_resolve_seconds_max\\{severity=\"high\"}")).isEqualTo(120.0);
        assertThat(value("firebreak_incidents_time_to_resolve_seconds_count\\{severity=\"high\"}")).isGreaterThanOrEqualTo(1.0);
    }

    private double value(String series) {
        String body = new HttpApi(port).get("/actuator/prometheus").body();
        Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.eE+-]+)$").matcher(body);
        assertThat(m.find()).as(series + " in\n" + body.lines().filter(l -> l.startsWith("firebreak_incidents"))
                .toList()).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
