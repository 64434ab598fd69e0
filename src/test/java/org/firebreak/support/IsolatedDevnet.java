package org.firebreak.support;

import java.nio.file.Path;

import org.firebreak.devnet.Devnet;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A devnet of one test class's own, stopped after the class:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final IsolatedDevnet isolated = new IsolatedDevnet();
 *
 * &#64;DynamicPropertySource
 * static void chain(DynamicPropertyRegistry registry) {
 *     isolated.register(registry);
 * }
 * </pre>
 *
 * Each class keeps its own {@code @DynamicPropertySource} method so that its Spring context is its own (a method
 * inherited from a shared base would let two classes share one cached context and so one devnet).
 */
public final class IsolatedDevnet implements AfterAllCallback {

    private final Devnet devnet = TestDevnet.isolated();

    public Devnet devnet() {
        return devnet;
    }

    /** Firebreak follows this devnet through its own profile, in a database schema of its own. */
    public void register(DynamicPropertyRegistry registry) {
        register(registry, devnet.profilePath());
    }

    /** Firebreak follows this devnet through {@code profile} (a file the test rewrites), in a schema of its own. */
    public void register(DynamicPropertyRegistry registry, Path profile) {
        registry.add("firebreak.chain.profile", profile::toString);
        OwnSchema.register(registry);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        devnet.down();
    }
}
