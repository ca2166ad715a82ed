package io.rebalancer.bench;

import io.rebalancer.agents.Cycle;
import io.rebalancer.batch.BatchReport;
import io.rebalancer.batch.BatchRunner;
import io.rebalancer.market.BacktestDataSeeder;
import io.rebalancer.portfolio.PortfolioImport;
import io.rebalancer.rules.drools.DroolsRuleEngine;
import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.Stores;
import io.rebalancer.store.mongo.MongoStores;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark, not a test: the book at scale on an embedded store in a new directory DIR. Run (docs/BENCHMARKS.md):
 * <pre>
 * java -cp "target/classes:target/test-classes:target/lib/*" io.rebalancer.bench.BatchBenchmark DIR batch 10000 [DAYS]
 * java -cp "target/classes:target/test-classes:target/lib/*" io.rebalancer.bench.BatchBenchmark DIR files 10000
 * </pre>
 * {@code batch N}: imports N accounts on one model from a CSV (timed), then runs the nightly batch of two
 * consecutive days (each timed: the first day writes every portfolio's first decision, the second starts from the
 * state the first left). {@code files N}: writes N portfolio files (the backtest-data format) and times their import.
 */
public final class BatchBenchmark {
    private static final LocalDate[] INCEPTIONS = {LocalDate.of(2024, 1, 2), LocalDate.of(2024, 3, 1),
        LocalDate.of(2024, 6, 3), LocalDate.of(2024, 9, 3)};

    private BatchBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        String mode = args[1];
        int n = Integer.parseInt(args[2]);
        Path files = Files.createDirectories(dir.resolve("input"));
        String portfolio = Files.readString(Path.of("backtest-data/portfolios/PORT_A_TechGrowth.json"));
        try (Stores stores = MongoStores.open(StoreConfig.embeddedFile(dir.resolve("store")))) {
            BacktestDataSeeder.seedIfEmpty(stores, Path.of("backtest-data"));
            if (mode.equals("files")) {
                List<Path> paths = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    String id = String.format(Locale.ROOT, "P%05d", i);
                    Path p = files.resolve(id + ".json");
                    Files.writeString(p, portfolio.replace("PORT_A_TechGrowth", id)
                            .replace("\"basis\": 1000000", "\"basis\": " + (100_000 + 37 * i))
                            .replace("2024-01-02", INCEPTIONS[i % INCEPTIONS.length].toString()));
                    paths.add(p);
                }
                long t = System.nanoTime();
                PortfolioImport.Result r = new PortfolioImport(stores).run(paths);
                report("import of " + n + " portfolio files", t, n, r.problems());
                return;
            }
            Path model = files.resolve("growth.json");
            Files.writeString(model, "{\n  \"model\": \"growth\",\n  \"effective_from\": \"2024-01-02\",\n  "
                    + portfolio.substring(portfolio.indexOf("\"benchmark\"")));
            StringBuilder csv = new StringBuilder("id,model,basis,inception,do_not_trade\n");
            for (int i = 0; i < n; i++) {
                csv.append(String.format(Locale.ROOT, "A%05d,growth,%d,%s,%s%n", i, 100_000 + 37 * i,
                        INCEPTIONS[i % INCEPTIONS.length], i % 50 == 0));
            }
            Path accounts = files.resolve("accounts.csv");
            Files.writeString(accounts, csv);
            long t = System.nanoTime();
            PortfolioImport.Result r = new PortfolioImport(stores).run(List.of(model, accounts));
            report("import of a CSV of " + n + " accounts", t, n, r.problems());
            BatchRunner batch = new BatchRunner(stores, new Cycle(DroolsRuleEngine.load(Path.of("rules"))));
            int days = args.length > 3 ? Integer.parseInt(args[3]) : 2;
            for (LocalDate day : List.of(LocalDate.of(2025, 12, 30), LocalDate.of(2025, 12, 31)).subList(0, days)) {
                long cpu = cpuNanos();
                BatchReport b = batch.run(null, day);
                double cpuMs = (cpuNanos() - cpu) / 1e6;
                System.out.printf(Locale.ROOT, "batch %s: %d portfolios in %.1f s, %.2f ms each (%d workers), CPU %.1f s"
                        + " (%.2f ms each); triggered"
                        + " %d, rebalance %d, defer %d, no action %d, do-not-trade %d, failed %d%n", day, b.portfolios(),
                        b.elapsedMs() / 1000.0, b.msPerPortfolio(), b.workers(), cpuMs / 1000, cpuMs / b.portfolios(),
                        b.triggered(), b.rebalanced(),
                        b.deferred(), b.noAction(), b.doNotTrade(), b.failed());
            }
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void report(String what, long start, int n, List<String> problems) {
        double s = (System.nanoTime() - start) / 1e9; // wall
        System.out.printf(Locale.ROOT, "%s: %.1f s, %.2f ms each%s%n", what, s, s * 1000 / n,
                problems.isEmpty() ? "" : "; " + problems.size() + " problems, first: " + problems.get(0));
    }
}
