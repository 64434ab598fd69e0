package org.firebreak.playbook;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

/** The executors installed in this Firebreak, by automation id. */
@Service
public class StepExecutors {

    private final Map<String, StepExecutor> byAutomation;

    public StepExecutors(List<StepExecutor> executors) {
        this.byAutomation = executors.stream().collect(Collectors.toUnmodifiableMap(StepExecutor::automation,
                Function.identity(), (a, b) -> {
                    throw new IllegalStateException("two executors serve " + a.automation());
                }));
    }

    public Optional<StepExecutor> find(String automation) {
        return Optional.ofNullable(byAutomation.get(automation));
    }

    /** The honest answer a responder sees on a step whose automation is not installed yet. */
    public static String notInstalled(String automation) {
        return "No executor for '" + automation + "' is installed in this Firebreak yet: do this step by hand and tick it.";
    }
}
