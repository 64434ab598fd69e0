package org.firebreak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.test.context.BootstrapWith;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * The two test tiers: {@code mvn test} (Surefire) runs every test class without the {@code integration} tag, in
 * seconds and without a server; {@code mvn verify} (Failsafe) runs the tagged ones. A test that starts a Spring
 * context, a devnet, a browser or another process, or that needs the devnet's npm packages, belongs to the second
 * tier: this keeps the first one fast when someone forgets the tag.
 */
class TestTiersTest {

    static final String INTEGRATION = "integration";

    /** What makes a test an integration test, and why (a dependency of the class or of anything nested in it). */
    private static final Map<String, String> NEEDS = Map.of(
            "org.firebreak.support.TestDevnet", "starts a devnet",
            "org.firebreak.support.FirebreakProcess", "starts Firebreak as a process",
            "org.firebreak.support.Browser", "drives a browser",
            "org.firebreak.devnet.DevnetHome", "needs the devnet's npm packages",
            "java.lang.ProcessBuilder", "starts a process");

    private static final JavaClasses TESTS = importTestClasses();

    @Test
    void everyTestThatStartsSpringADevnetABrowserOrAProcessIsTaggedIntegration() {
        Map<String, Set<String>> untagged = new TreeMap<>();
        testClasses().forEach((test, reasons) -> {
            if (!reasons.isEmpty() && !tagged(test.reflect())) {
                untagged.put(test.getName(), reasons);
            }
        });
        assertThat(untagged).as("test classes that need @Tag(\"" + INTEGRATION + "\") (or @FirebreakIntegrationTest)")
                .isEmpty();
    }

    @Test
    void theCheckSeesTheSignsItLooksFor() {
        // The rule would pass vacuously if the import found no tests or no sign: it must see both tiers.
        Map<JavaClass, Set<String>> tests = testClasses();
        Set<String> seen = new TreeSet<>();
        tests.values().forEach(seen::addAll);
        assertThat(tests.values().stream().filter(Set::isEmpty).count()).as("unit test classes found").isGreaterThan(20);
        assertThat(seen).contains("starts a Spring context", "starts a devnet", "starts Firebreak as a process",
                "drives a browser", "needs the devnet's npm packages", "starts a process");
        assertThat(tests.get(TESTS.get(TestTiersTest.class))).isEmpty();
        assertThat(tagged(TestTiersTest.class)).isFalse();
    }

    /** Every top-level test class with what makes it an integration test (nothing for a unit test). */
    private static Map<JavaClass, Set<String>> testClasses() {
        Map<JavaClass, Set<String>> tests = new TreeMap<>(Comparator.comparing(JavaClass::getName));
        for (JavaClass type : TESTS) {
            JavaClass test = topLevel(type);
            if (!test.getSimpleName().endsWith("Test") && !test.getSimpleName().endsWith("Tests")) {
                continue;
            }
            Set<String> reasons = tests.computeIfAbsent(test, t -> new TreeSet<>());
            if (AnnotationSupport.isAnnotated(type.reflect(), BootstrapWith.class)) {
                reasons.add("starts a Spring context");
            }
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                String why = NEEDS.get(dependency.getTargetClass().getName());
                if (why != null) {
                    reasons.add(why);
                }
            }
        }
        return tests;
    }

    /** This module's compiled tests, without following their dependencies into the classpath (seconds, not half a minute). */
    private static JavaClasses importTestClasses() {
        ArchConfiguration configuration = ArchConfiguration.get();
        boolean resolving = configuration.resolveMissingDependenciesFromClassPath();
        configuration.setResolveMissingDependenciesFromClassPath(false);
        try {
            return new ClassFileImporter().importUrl(TestTiersTest.class.getProtectionDomain().getCodeSource().getLocation());
        } finally {
            configuration.setResolveMissingDependenciesFromClassPath(resolving);
        }
    }

    private static boolean tagged(Class<?> type) {
        return AnnotationSupport.findRepeatableAnnotations(type, Tag.class).stream()
                .anyMatch(tag -> tag.value().equals(INTEGRATION));
    }

    private static JavaClass topLevel(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }
}
