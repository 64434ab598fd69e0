package org.firebreak.detection;

import org.firebreak.chain.ChainEvents;
import org.firebreak.incident.IncidentApi;
import org.firebreak.support.HttpApi;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Detection end to end on a devnet of the class's own ({@link org.firebreak.support.IsolatedDevnet}), with the
 * scheduler running as in production: the follower, the rules and the incidents they open. The context closes after
 * the class: a cached context would go on running its scheduler behind later classes' backs (on PostgreSQL they share
 * the tables, the follower's recurring execution among them).
 */
@SpringBootTest(properties = { "firebreak.data-dir=./target/test-data/${random.uuid}", "firebreak.devnet=true",
        "firebreak.access.bootstrap-token=" + HttpApi.BOOTSTRAP_TOKEN,
        "firebreak.playbooks.directory=target/test-data/no-operator-playbooks", "firebreak.scheduler.enabled=true" })
@Tag("integration")
@DirtiesContext
abstract class OnIsolatedDevnetTest {

    @Autowired
    AlertApi alerts;
    @Autowired
    IncidentApi incidents;
    @Autowired
    ChainEvents chainEvents;
}
