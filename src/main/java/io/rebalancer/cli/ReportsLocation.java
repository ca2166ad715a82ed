package io.rebalancer.cli;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where a backtest's files and a report go when no {@code --export-dir} or {@code --out} is given: env
 * {@code REBALANCER_REPORTS} if set, else {@code reports} in the working directory. The build's tests set it to a
 * folder under {@code target/}, so {@code mvn verify} never writes into the user's {@code reports/}.
 */
final class ReportsLocation {
    static final String ENV_REPORTS = "REBALANCER_REPORTS";

    private ReportsLocation() {
    }

    static Path dir() {
        return dir(System::getenv);
    }

    static Path dir(Function<String, String> env) {
        String explicit = env.apply(ENV_REPORTS);
        return explicit != null && !explicit.isBlank() ? Path.of(explicit.trim()) : Path.of("reports");
    }
}
