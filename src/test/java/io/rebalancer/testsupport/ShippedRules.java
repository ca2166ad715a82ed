package io.rebalancer.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Copies of the shipped rules/ for tests that edit a rule set without touching the repository's. */
public final class ShippedRules {
    private static final Path RULES = Path.of("rules");

    private ShippedRules() {
    }

    /** Copies every file of rules/ into {@code dir} (created if missing) and returns {@code dir}. */
    public static Path copyTo(Path dir) throws IOException {
        return copyTo(dir, name -> true);
    }

    /** Copies the regular files of rules/ whose name passes {@code keep} into {@code dir} and returns {@code dir}. */
    public static Path copyTo(Path dir, Predicate<String> keep) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(RULES)) {
            for (Path p : files.toList()) {
                if (Files.isRegularFile(p) && keep.test(p.getFileName().toString())) {
                    Files.copy(p, dir.resolve(p.getFileName()));
                }
            }
        }
        return dir;
    }

    /**
     * Puts {@code table} (a .drl.csv or .drl.xlsx file) into the copied set {@code dir} in place of every version of
     * the same table ({@code thresholds.drl.xlsx} goes when {@code thresholds.drl.csv} comes in): a set holding both
     * would compile the table twice, with rule names used twice.
     */
    public static Path replaceTable(Path dir, Path table) throws IOException {
        String name = table.getFileName().toString();
        String stem = name.substring(0, name.indexOf(".drl.") + ".drl.".length());
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                if (p.getFileName().toString().startsWith(stem)) {
                    Files.delete(p);
                }
            }
        }
        return Files.copy(table, dir.resolve(name));
    }
}
