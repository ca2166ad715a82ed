package io.rebalancer.sweep.spark;

import io.rebalancer.rules.drools.RuleCacheLocation;
import io.rebalancer.evaluation.SuiteRunner;
import io.rebalancer.market.BacktestDataSeeder;
import io.rebalancer.rules.RuleEngine;
import io.rebalancer.rules.drools.CompiledRuleCache;
import io.rebalancer.rules.drools.DroolsRuleEngine;
import io.rebalancer.rules.variant.RuleVariant;
import io.rebalancer.rules.variant.VariantRules;
import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.Stores;
import io.rebalancer.store.open.StoreOpener;
import io.rebalancer.sweep.SweepFile;
import io.rebalancer.sweep.SweepRunner;
import io.rebalancer.sweep.SweepSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The per-JVM side of a sweep: the first task of an executor builds the {@link SweepRunner} (the sweep file read,
 * an in-memory store seeded from backtest-data, and with {@code --model shared} the one parameterised rule model
 * compiled, or taken from the rule cache); every later task of that executor reuses it. On {@code local[*]} the
 * driver is the only executor, so this happens once.
 */
public final class SweepExecutor {
    private static final Map<SweepConfig, SweepRunner> RUNNERS = new HashMap<>();
    private static final Map<SweepConfig, Stores> STORES = new HashMap<>();

    private SweepExecutor() {
    }

    public static synchronized SweepRunner runner(SweepConfig cfg) {
        SweepRunner r = RUNNERS.get(cfg);
        if (r == null) {
            r = build(cfg);
            RUNNERS.put(cfg, r);
        }
        return r;
    }

    /** Closes this JVM's stores (the driver calls it at the end of a job; executors close with the JVM). */
    public static synchronized void closeAll() {
        STORES.values().forEach(Stores::close);
        STORES.clear();
        RUNNERS.clear();
    }

    private static SweepRunner build(SweepConfig cfg) {
        SweepSpec spec = SweepFile.read(Path.of(cfg.sweepFile()));
        Path data = Path.of(cfg.backtestData());
        Stores stores = seeded(data);
        STORES.put(cfg, stores);
        SuiteRunner suite = new SuiteRunner(stores, data, SweepExecutor::seeded);
        Path rules = Path.of(cfg.rules());
        CompiledRuleCache cache = RuleCacheLocation.resolve(false);
        Path work;
        try {
            Files.createDirectories(Path.of(cfg.workDir()));
            work = Files.createTempDirectory(Path.of(cfg.workDir()), "rules-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a rules directory under " + cfg.workDir(), e);
        }
        java.util.function.Function<RuleVariant, RuleEngine> engines;
        if (SweepConfig.SHARED.equals(cfg.model())) {
            Path dir = work.resolve("parameterised");
            VariantRules.parameterised(rules, spec.grid(), dir);
            DroolsRuleEngine base = DroolsRuleEngine.load(dir, cache);
            engines = v -> base.withTableValues(v.tableValues(), v.rulesHash(base.ruleSetHash()));
        } else {
            engines = v -> {
                Path dir = work.resolve(v.id());
                VariantRules.literal(rules, spec.grid(), v, dir);
                return DroolsRuleEngine.load(dir, cache);
            };
        }
        return new SweepRunner(spec, suite, engines);
    }

    private static Stores seeded(Path data) {
        Stores s = StoreOpener.open(StoreConfig.inMemory());
        BacktestDataSeeder.seed(s, data);
        return s;
    }
}
