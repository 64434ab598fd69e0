package org.firebreak.detection;

import org.firebreak.chain.ChainEvents;
import org.firebreak.incident.IncidentApi;
import org.firebreak.support.HttpApi;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Detection end to end on a devnet of the class's own ({@link org.firebreak.support.IsolatedDevnet}), with the
 * scheduler running as in production: the follower, the rules and the incidents they open.
 */
@SpringBootTest(properties = { "firebreak.data-dir=./target/test-data/${random.uuid}", "firebreak.devnet=true",
        "firebreak.access.bootstrap-token=" + HttpApi.BOOTSTRAP_TOKEN,
        "firebreak.playbooks.directory=target/test-data/no-operator-playbooks", "firebreak.scheduler.enabled=true" })
@Tag("integration")
abstract class OnIsolatedDevnetTest {

    @Autowired
    AlertApi alerts;
    @Autowired
    IncidentApi incidents;
    @Autowired
    ChainEvents chainEvents;
}
