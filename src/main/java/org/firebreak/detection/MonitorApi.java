package org.firebreak.detection;

import java.util.List;

import org.firebreak.detection.rules.RuleEngine;
import org.springframework.stereotype.Service;

/** What the monitors see now: every detection rule with its state, for the API and the console's dashboard. */
@Service
public class MonitorApi {

    private final RuleEngine engine;

    MonitorApi(RuleEngine engine) {
        this.engine = engine;
    }

    public List<RuleStatus> rules() {
        return engine.status();
    }
}
