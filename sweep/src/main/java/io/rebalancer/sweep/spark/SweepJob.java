package io.rebalancer.sweep.spark;

import io.rebalancer.evaluation.TargetCheck;
import io.rebalancer.rules.variant.GridAxis;
import io.rebalancer.sweep.SweepBaseline;
import io.rebalancer.sweep.SweepReport;
import io.rebalancer.sweep.SweepRow;
import io.rebalancer.sweep.SweepRunner;
import io.rebalancer.sweep.SweepSpec;
import io.rebalancer.sweep.SweepTask;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code sweep} job: every (variant, sample) task of a sweep file as a Spark task, the agent's metrics of each
 * as one row of {@code results.parquet}, and the comparison of the variants ({@code comparison.txt},
 * {@code sweep.html}). Spark runs the tasks; the backtests are the core's ({@link SweepRunner}).
 */
public final class SweepJob {
    /** What a finished sweep wrote and found. */
    public record Outcome(SweepSpec spec, List<SweepRow> rows, Map<String, SweepBaseline> baselines,
                          List<SweepReport.Line> ranking, SweepReport.Frontier frontier, Path out, long millis,
                          int partitions) {
    }

    private SweepJob() {
    }

    /** Runs the sweep on {@code spark}: one partition per task (so the scheduler balances them). */
    public static Outcome run(SparkSession spark, SweepConfig cfg, Path out) {
        long t0 = System.nanoTime();
        SweepSpec spec = SweepExecutor.runner(cfg).spec();
        List<SweepTask> tasks = spec.tasks();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<SweepRow> rows = new ArrayList<>(jsc.parallelize(tasks, tasks.size())
                .map(t -> SweepExecutor.runner(cfg).run(t)).collect());
        // the baselines do not depend on the rules: one task per sample, for the target checks of every variant
        int samples = spec.suite().samples().size();
        Map<String, SweepBaseline> baselines = new LinkedHashMap<>();
        jsc.parallelize(java.util.stream.IntStream.range(0, samples).boxed().toList(), samples)
                .map(i -> SweepExecutor.runner(cfg).baseline(i)).collect()
                .forEach(b -> baselines.put(b.sampleId(), b));
        double tolerance = spec.suite().sharpeTolerance();
        List<String> axes = spec.grid().axes().stream().map(GridAxis::name).toList();
        List<SweepReport.Line> ranking = SweepReport.rank(rows, spec.objective(), axes, baselines, tolerance);
        SweepReport.Frontier frontier = SweepReport.frontier(rows, baselines, tolerance);
        write(spark, rows, axes, baselines, tolerance, out);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        String note = String.format(java.util.Locale.ROOT, "%d tasks (%d variants x %d samples) on %s in %.1f s,"
                        + " rule model: %s.", tasks.size(), spec.grid().size(), spec.suite().samples().size(),
                spark.sparkContext().master(), millis / 1000.0, cfg.model());
        try {
            Files.writeString(out.resolve("comparison.txt"), SweepReport.text(spec.name(), spec.objective(), ranking,
                    frontier, ranking.size()) + note + "\n", StandardCharsets.UTF_8);
            Files.writeString(out.resolve("sweep.html"), SweepReport.html(spec.name(), spec.objective(), ranking,
                    frontier, note), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the comparison to " + out + ": " + e.getMessage(), e);
        }
        return new Outcome(spec, rows, baselines, ranking, frontier, out, millis, tasks.size());
    }

    /**
     * The rows as Parquet: one column per axis (its value), then the sample, the agent's metrics and its target
     * checks against the sample's baselines.
     */
    static void write(SparkSession spark, List<SweepRow> rows, List<String> axes, Map<String, SweepBaseline> baselines,
                      double tolerance, Path out) {
        StructType schema = new StructType().add("variant_id", DataTypes.StringType)
                .add("variant", DataTypes.StringType).add("rules_hash", DataTypes.StringType);
        for (String a : axes) {
            schema = schema.add(a, DataTypes.DoubleType);
        }
        schema = schema.add("sample_id", DataTypes.StringType).add("portfolio", DataTypes.StringType)
                .add("from", DataTypes.StringType).add("to", DataTypes.StringType).add("days", DataTypes.IntegerType)
                .add("final_nav", DataTypes.DoubleType).add("cagr", DataTypes.DoubleType)
                .add("volatility", DataTypes.DoubleType).add("sharpe", DataTypes.DoubleType)
                .add("max_drawdown", DataTypes.DoubleType).add("turnover", DataTypes.DoubleType)
                .add("trades", DataTypes.IntegerType).add("costs", DataTypes.DoubleType)
                .add("rebalances", DataTypes.IntegerType).add("tracking_error", DataTypes.DoubleType)
                .add("certainty_equivalent", DataTypes.DoubleType).add("avg_abs_drift", DataTypes.DoubleType)
                .add("max_abs_drift", DataTypes.DoubleType).add("millis", DataTypes.LongType)
                .add("sharpe_gap", DataTypes.DoubleType).add("sharpe_level", DataTypes.BooleanType)
                .add("avg_drift_below_annual", DataTypes.BooleanType)
                .add("max_drift_within_band_abs_3", DataTypes.BooleanType).add("targets_met", DataTypes.BooleanType);
        List<Row> data = new ArrayList<>();
        for (SweepRow r : rows) {
            List<Object> v = new ArrayList<>(List.of(r.variantId(), r.variantLabel(), r.rulesHash()));
            axes.forEach(a -> v.add(r.axisValues().get(a)));
            v.addAll(List.of(r.sampleId(), r.portfolio(), r.from(), r.to(), r.days(), r.finalNav(), r.cagr(),
                    r.volatility(), r.sharpe(), r.maxDrawdown(), r.turnover(), r.trades(), r.costs(), r.rebalances(),
                    r.trackingError(), r.certaintyEquivalent(), r.avgAbsDrift(), r.maxAbsDrift(), r.millis()));
            TargetCheck t = baselines.get(r.sampleId()).check(r, tolerance);
            v.addAll(List.of(t.sharpeGap(), t.sharpeLevel(), t.avgDriftBelowAnnual(), t.maxDriftWithinBand(),
                    t.met()));
            data.add(RowFactory.create(v.toArray()));
        }
        spark.createDataFrame(data, schema).coalesce(1).write().mode(SaveMode.Overwrite)
                .parquet(out.resolve("results.parquet").toString());
    }
}
