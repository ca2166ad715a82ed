package io.rebalancer.sweep.spark;

import io.rebalancer.market.DataFileException;
import io.rebalancer.sweep.SweepReport;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code rebalancer-sweep SWEEP.json [--master URL] [--out DIR] [--model shared|compiled] [--rules DIR]
 * [--backtest-data DIR] [--top N]}; under {@code spark-submit} the master comes from spark-submit unless
 * {@code --master} is given. Exit codes as the core's: 2 usage, 3 bad input, 5 rules, 1 anything else.
 */
public final class SweepMain {
    private SweepMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        String file = null;
        String master = null;
        String out = null;
        String model = SweepConfig.SHARED;
        String rules = "rules";
        String data = "backtest-data";
        int top = 10;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--master" -> master = value(args, ++i, a);
                    case "--out" -> out = value(args, ++i, a);
                    case "--model" -> model = value(args, ++i, a);
                    case "--rules" -> rules = value(args, ++i, a);
                    case "--backtest-data" -> data = value(args, ++i, a);
                    case "--top" -> top = Integer.parseInt(value(args, ++i, a));
                    case "-h", "--help" -> {
                        System.out.println(USAGE);
                        return 0;
                    }
                    default -> {
                        if (a.startsWith("-") || file != null) {
                            throw new IllegalArgumentException("unknown argument '" + a + "'");
                        }
                        file = a;
                    }
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("missing the sweep file");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        Path outDir = Path.of(out != null ? out : "reports/sweep-" + LocalDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))).toAbsolutePath();
        SweepConfig cfg;
        try {
            cfg = new SweepConfig(Path.of(file).toAbsolutePath().normalize().toString(),
                    Path.of(rules).toAbsolutePath().normalize().toString(),
                    Path.of(data).toAbsolutePath().normalize().toString(), model,
                    outDir.resolve("work").toString());
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        SparkSession spark = io.rebalancer.spark.SparkSessions.start("rebalancer-sweep", master);
        try {
            SweepJob.Outcome o = SweepJob.run(spark, cfg, outDir);
            System.out.print(SweepReport.text(o.spec().name(), o.spec().objective(), o.ranking(), top));
            System.out.printf(java.util.Locale.ROOT, "%d tasks on %s in %.1f s (rule model: %s)%n", o.partitions(),
                    spark.sparkContext().master(), o.millis() / 1000.0, model);
            System.out.println("Wrote " + outDir.resolve("results.parquet") + ", comparison.txt and sweep.html");
            return 0;
        } catch (DataFileException e) {
            System.err.println("error: " + e.getMessage());
            return 3;
        } catch (io.rebalancer.rules.RuleSetException e) {
            System.err.println("error: " + e.getMessage());
            return 5;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 3;
        } finally {
            spark.stop();
            SweepExecutor.closeAll();
        }
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }

    static final String USAGE = "usage: rebalancer-sweep SWEEP.json [--master URL] [--out DIR]"
            + " [--model shared|compiled] [--rules DIR] [--backtest-data DIR] [--top N]";
}
