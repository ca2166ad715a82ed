package io.rebalancer.scenarios;

import java.nio.file.Path;
import java.util.List;

/** One scenario's result: failures empty means PASS; no outcome when the file could not be read or run. */
public record ScenarioResult(String name, Path file, List<String> failures, ScenarioOutcome outcome) {
    public boolean passed() {
        return failures.isEmpty();
    }

    /** {@code PASS name} or {@code FAIL name: difference; difference}. */
    public String line() {
        return (passed() ? "PASS " : "FAIL ") + name + (passed() ? "" : ": " + String.join("; ", failures));
    }
}
