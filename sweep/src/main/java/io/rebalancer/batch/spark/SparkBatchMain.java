package io.rebalancer.batch.spark;

import io.rebalancer.batch.BatchReport;
import io.rebalancer.batch.BatchSummary;
import io.rebalancer.query.QueryJson;
import io.rebalancer.rules.RuleSetException;
import io.rebalancer.service.NotFoundException;
import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.StoreException;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * {@code rebalancer-sweep batch [--mongo-uri URI | --data-dir DIR] [--as-of D] [--model M] [--shards N]
 * [--workers K] [--rules DIR] [--backtest-data DIR] [--master URL] [--json]}: the nightly batch as Spark tasks.
 * Exit codes as the core's {@code run --all}: 0 all decided, 10 some portfolios failed, 2 usage, 3 bad input,
 * 4 not found (an unknown model, no prices), 5 rules, 6 store.
 */
public final class SparkBatchMain {
    static final String USAGE = "usage: rebalancer-sweep batch [--mongo-uri URI | --data-dir DIR] [--as-of yyyy-MM-dd]"
            + " [--model M] [--shards N] [--workers K] [--rules DIR] [--backtest-data DIR] [--master URL] [--json]";

    private SparkBatchMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        String uri = System.getenv(StoreConfig.ENV_URI);
        String dataDir = null;
        String master = null;
        String model = null;
        LocalDate asOf = null;
        Integer shards = null;
        int workers = 1;
        String rules = "rules";
        String data = "backtest-data";
        boolean json = false;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--mongo-uri" -> uri = value(args, ++i, a);
                    case "--data-dir" -> dataDir = value(args, ++i, a);
                    case "--master" -> master = value(args, ++i, a);
                    case "--model" -> model = value(args, ++i, a);
                    case "--as-of" -> asOf = LocalDate.parse(value(args, ++i, a));
                    case "--shards" -> shards = Integer.parseInt(value(args, ++i, a));
                    case "--workers" -> workers = Integer.parseInt(value(args, ++i, a));
                    case "--rules" -> rules = value(args, ++i, a);
                    case "--backtest-data" -> data = value(args, ++i, a);
                    case "--json" -> json = true;
                    case "-h", "--help" -> {
                        System.out.println(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
                }
            }
            if (dataDir != null) {
                uri = null;
            }
            if (uri == null && dataDir == null) {
                throw new IllegalArgumentException("give the store: --mongo-uri URI (or MONGODB_URI), or on local[*]"
                        + " --data-dir DIR");
            }
        } catch (DateTimeParseException e) {
            System.err.println("error: --as-of must be yyyy-MM-dd, was '" + e.getParsedString() + "'");
            return 2;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + StoreConfig.maskUris(String.valueOf(e.getMessage())));
            System.err.println(USAGE);
            return 2;
        }
        SparkSession.Builder b = SparkSession.builder().appName("rebalancer-batch").config("spark.ui.enabled", "false");
        if (master != null) {
            b.master(master);
        } else if (System.getProperty("spark.master") == null) {
            b.master("local[*]");
        }
        SparkSession spark = b.getOrCreate();
        try {
            String sparkMaster = spark.sparkContext().master();
            if (dataDir != null && !sparkMaster.startsWith("local")) {
                System.err.println("error: --data-dir (an embedded store) works on local[*] only; executors on "
                        + sparkMaster + " need a shared MongoDB: --mongo-uri URI");
                return 2;
            }
            SparkBatchConfig cfg = new SparkBatchConfig(uri, dataDir == null ? null
                    : Path.of(dataDir).toAbsolutePath().normalize().toString(),
                    Path.of(rules).toAbsolutePath().normalize().toString(),
                    Path.of(data).toAbsolutePath().normalize().toString(), asOf, model,
                    shards != null ? shards : spark.sparkContext().defaultParallelism(), workers);
            BatchReport r = SparkBatchJob.run(spark, cfg);
            System.out.print(json ? QueryJson.writePretty(r) + System.lineSeparator() : BatchSummary.text(r));
            System.out.printf(java.util.Locale.ROOT, "%d shards on %s, store %s%n", cfg.shards(), sparkMaster,
                    cfg.storeName());
            if (!json) {
                r.outcomes().stream().filter(BatchReport.PortfolioOutcome::failed)
                        .forEach(o -> System.err.println("error: " + o.portfolioId() + ": " + o.error()));
            }
            return r.failed() > 0 ? 10 : 0;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + StoreConfig.maskUris(String.valueOf(e.getMessage())));
            return 2;
        } catch (Exception e) {
            // Spark's own SparkException is a checked exception that Scala throws undeclared
            Throwable cause = root(e);
            System.err.println("error: " + StoreConfig.maskUris(String.valueOf(cause.getMessage())));
            if (cause instanceof NotFoundException) {
                return 4;
            }
            if (cause instanceof RuleSetException) {
                return 5;
            }
            if (cause instanceof StoreException) {
                return 6;
            }
            return 1;
        } finally {
            spark.stop();
            SparkBatchExecutor.closeAll();
        }
    }

    /** A task's exception reaches the driver wrapped by Spark; the first of the project's own is the reason. */
    private static Throwable root(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NotFoundException || t instanceof RuleSetException || t instanceof StoreException) {
                return t;
            }
        }
        return e;
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }
}
