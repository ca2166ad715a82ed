package io.rebalancer.bench;

import io.rebalancer.analytics.Linking;
import io.rebalancer.report.ReportData;
import io.rebalancer.report.ReportRenderer;
import io.rebalancer.report.StoredRunReportData;
import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.Stores;
import io.rebalancer.store.mongo.MongoStores;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times rendering the HTML report (ReportBuilder: metrics, tear sheet, attribution, every chart; then the jte
 * template) of the latest stored backtest run, in a fresh JVM: the first render (what a backtest pays, cold classes)
 * and the median of the later ones. Loading the run from the store is not timed. Not a test (docs/BENCHMARKS.md).
 *
 * <p>{@code java -cp "target/classes:target/test-classes:target/lib/*" io.rebalancer.bench.ReportRenderBenchmark DIR [N]}
 */
public final class ReportRenderBenchmark {
    private ReportRenderBenchmark() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : System.getenv("REBALANCER_HOME"));
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        ReportData data;
        try (Stores stores = MongoStores.open(StoreConfig.embeddedFile(dir))) {
            data = StoredRunReportData.load(stores, StoredRunReportData.latestRunId(stores), Linking.CARINO);
        }
        long[] ms = new long[n];
        long[] cpu = new long[n];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int size = 0;
        for (int i = 0; i < n; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            size = ReportRenderer.html(data).length();
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1_000_000;
        }
        long[] warm = Arrays.copyOfRange(ms, 1, n);
        Arrays.sort(warm);
        System.out.printf(Locale.ROOT, "run %s, %d days: first render %d ms, median of the next %d %d ms "
                + "(wall, all: %s; CPU of the rendering thread: %s), page %,d chars%n", data.runId(),
                data.dates().size(), ms[0], warm.length, warm[warm.length / 2], Arrays.toString(ms),
                Arrays.toString(cpu), size);
    }
}
