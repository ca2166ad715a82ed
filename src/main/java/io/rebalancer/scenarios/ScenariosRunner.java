package io.rebalancer.scenarios;

import io.rebalancer.rules.RuleEngine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs golden scenarios ({@code scenarios/*.json}, {@link ScenarioSpec}) against one rule engine: hand-written facts
 * through the three phases ({@link FactsScenario}), a market day through the agent cycle ({@link MarketDayScenario}),
 * then the outcome checked against the scenario's expectations ({@link Expectations}).
 */
public final class ScenariosRunner {
    private final FactsScenario facts;
    private final MarketDayScenario marketDays;

    public ScenariosRunner(RuleEngine engine, Path backtestData) {
        this.facts = new FactsScenario(engine);
        this.marketDays = new MarketDayScenario(engine, backtestData);
    }

    /** The scenario files of a directory ({@code *.json}), sorted by name. */
    public static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("scenario directory " + dir + " does not exist");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** One scenario file's result; a file that cannot be read or run fails with the reason. */
    public ScenarioResult run(Path file) {
        ScenarioSpec spec;
        try {
            spec = ScenarioSpec.read(file);
        } catch (IllegalArgumentException e) {
            return new ScenarioResult(file.getFileName().toString(), file, List.of(e.getMessage()), null);
        }
        try {
            ScenarioOutcome o = spec.facts() != null ? facts.run(spec.facts()) : marketDays.run(spec.marketDay());
            return new ScenarioResult(spec.name(), file, Expectations.compare(spec.expect(), o), o);
        } catch (RuntimeException e) {
            return new ScenarioResult(spec.name(), file, List.of("could not run: " + e.getMessage()), null);
        }
    }
}
