package org.firebreak.support;

import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * On the PostgreSQL run, a test context of its own schema: every context there shares one database, so a context
 * whose rules keep state or whose scheduler runs (and would take other contexts' due tasks) gets tables of its
 * own. On H2 each context already has its own file, and nothing changes.
 */
public final class OwnSchema {

    private OwnSchema() {
    }

    /**
     * The same for a server started as a separate process ({@link FirebreakProcess}), as environment variables: on
     * the PostgreSQL run a schema of its own, so its scheduler takes no other test's due tasks; empty on H2.
     */
    public static java.util.Map<String, String> environment() {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            return java.util.Map.of();
        }
        String schema = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return java.util.Map.of("SPRING_DATASOURCE_HIKARI_SCHEMA", schema, "SPRING_FLYWAY_SCHEMAS", schema,
                "SPRING_FLYWAY_DEFAULTSCHEMA", schema, "SPRING_FLYWAY_CREATESCHEMAS", "true");
    }

    public static void register(DynamicPropertyRegistry registry) {
        if (!TestPostgres.inUse()) {
            return;
        }
        String schema = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        registry.add("spring.datasource.hikari.schema", () -> schema);
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("spring.flyway.default-schema", () -> schema);
        registry.add("spring.flyway.create-schemas", () -> "true");
    }
}
