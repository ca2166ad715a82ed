package io.rebalancer.batch.spark;

import io.rebalancer.batch.BatchReport;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The nightly batch on Spark: the book split into {@code shards} disjoint {@link io.rebalancer.batch.Shard}s, each
 * a Spark task that runs the core's batch of its accounts against the shared store (a real MongoDB when the
 * executors are on several machines), and the shards' reports merged into one. Each account is in exactly one
 * shard and runs under its own lease. A shard whose executor was lost holds its leases until they expire
 * (30 minutes): Spark's retry reports those accounts as busy, and a rerun after that finds the cycles already
 * recorded and does not repeat them.
 */
public final class SparkBatchJob {
    private SparkBatchJob() {
    }

    public static BatchReport run(SparkSession spark, SparkBatchConfig cfg) {
        long t0 = System.nanoTime();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Integer> shards = IntStream.range(0, cfg.shards()).boxed().toList();
        List<BatchReport> parts = jsc.parallelize(shards, shards.size())
                .map(i -> SparkBatchExecutor.runShard(cfg, i)).collect();
        return BatchReport.merge(parts, (System.nanoTime() - t0) / 1_000_000);
    }
}
