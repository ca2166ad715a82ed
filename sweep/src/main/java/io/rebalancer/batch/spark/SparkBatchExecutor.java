package io.rebalancer.batch.spark;

import io.rebalancer.agents.Cycle;
import io.rebalancer.batch.BatchReport;
import io.rebalancer.batch.BatchRunner;
import io.rebalancer.batch.Shard;
import io.rebalancer.rules.drools.RuleCacheLocation;
import io.rebalancer.market.BacktestDataSeeder;
import io.rebalancer.rules.RuleEngine;
import io.rebalancer.rules.RuleLimits;
import io.rebalancer.rules.drools.DroolsRuleEngine;
import io.rebalancer.store.Stores;
import io.rebalancer.store.open.StoreOpener;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The per-JVM side of the Spark batch: an executor opens the store (one client, seeded from backtest-data if empty,
 * as {@code run --all} does) and loads the rules (from the rule cache when compiled before) once, for every shard
 * task it runs.
 */
public final class SparkBatchExecutor {
    private static final Map<String, Stores> STORES = new HashMap<>();
    private static final Map<String, RuleEngine> RULES = new HashMap<>();

    private SparkBatchExecutor() {
    }

    /** Runs shard {@code index} of {@code cfg.shards()} with the core's {@link BatchRunner}. */
    public static BatchReport runShard(SparkBatchConfig cfg, int index) {
        Stores stores = stores(cfg);
        Cycle cycle = new Cycle(rules(cfg));
        return new BatchRunner(stores, cycle, cfg.workersPerTask()).run(cfg.model(), cfg.asOf(),
                Shard.of(index, cfg.shards()));
    }

    static synchronized Stores stores(SparkBatchConfig cfg) {
        String key = cfg.mongoUri() != null ? cfg.mongoUri() : cfg.dataDir();
        Stores s = STORES.get(key);
        if (s == null) {
            s = StoreOpener.open(cfg.storeConfig());
            // a portfolio file that does not read is left out of the seed: said in the executor's log, as the command
            // line says it on stderr
            BacktestDataSeeder.seedIfEmpty(s, Path.of(cfg.backtestData())).rejected().forEach(e ->
                    org.slf4j.LoggerFactory.getLogger(SparkBatchExecutor.class).warn(
                            io.rebalancer.market.PortfolioFileCheck.notLoaded(e)));
            STORES.put(key, s);
        }
        return s;
    }

    static synchronized RuleEngine rules(SparkBatchConfig cfg) {
        return RULES.computeIfAbsent(cfg.rules(), dir -> DroolsRuleEngine.load(Path.of(dir),
                RuleCacheLocation.resolve(false)).withLimits(RuleLimits.from(System::getenv)));
    }

    /** Closes this JVM's stores (the driver calls it at the end of the job; executors close with their JVM). */
    public static synchronized void closeAll() {
        STORES.values().forEach(Stores::close);
        STORES.clear();
        RULES.clear();
    }
}
