package io.rebalancer.sweep.spark;

import io.rebalancer.cli.ExitCodes;
import io.rebalancer.market.DataFileException;
import io.rebalancer.rules.RuleSetException;
import io.rebalancer.spark.SparkCommandLine;
import io.rebalancer.spark.SparkSessions;
import io.rebalancer.sweep.SweepReport;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code rebalancer-sweep SWEEP.json [--master URL] [--out DIR] [--model shared|compiled] [--rules DIR]
 * [--backtest-data DIR] [--top N]} (picocli parses the arguments); under {@code spark-submit} the master comes
 * from spark-submit unless {@code --master} is given. Usage errors and a sweep file that cannot be read are found
 * before Spark starts. Exit codes as the core's ({@link ExitCodes}): 2 usage, 3 bad input, 5 rules, 1 anything else.
 */
@Command(name = "rebalancer-sweep", mixinStandardHelpOptions = true, version = "rebalancer-sweep 0.1.0",
        sortOptions = false, sortSynopsis = false,
        description = "The Spark sweep: every sample of the sweep file's suite x every variant of its grid of rule"
                + " table values as Spark tasks, the variants ranked by the objective; writes results.parquet,"
                + " comparison.txt and sweep.html (docs/SWEEP.md).",
        footer = {"", "Examples:", "  rebalancer-sweep sweeps/small.json",
                "  rebalancer-sweep sweeps/drift-bands.json --master 'local[2]' --out /tmp/sweep",
                "  rebalancer-sweep sweeps/drift-10.json --model compiled --top 5",
                "  rebalancer-sweep batch --help    (the nightly batch on Spark)"})
public final class SweepMain implements Callable<Integer> {
    /**
     * The rule model of a sweep; the constants are spelled as typed, so picocli's own conversion lists them in
     * the help and in its error message as {@code shared, compiled}.
     */
    enum RuleModel {
        shared, compiled
    }

    @Parameters(index = "0", paramLabel = "SWEEP.json", description = "The sweep file (docs/SWEEP.md)")
    Path file;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: spark-submit's, else local[*])")
    String master;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: reports/sweep-<UTC time>)")
    Path out;

    @Option(names = "--model", paramLabel = "shared|compiled", defaultValue = "shared",
            description = "shared: one compiled rule model per executor serves every variant; compiled: each variant's"
                    + " rules compiled on their own (slow; for comparison). Default: ${DEFAULT-VALUE}")
    RuleModel model;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules",
            description = "Rule directory (default: ${DEFAULT-VALUE})")
    Path rules;

    @Option(names = "--backtest-data", paramLabel = "DIR", defaultValue = "backtest-data",
            description = "Backtest data directory (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10", converter = SparkCommandLine.PositiveInt.class,
            description = "Variants in the console table (default: ${DEFAULT-VALUE}; the files hold all)")
    int top;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Starts the Spark session on a master (null: spark-submit's or local[*]); tests pass one that must not run. */
    private final Function<String, SparkSession> sessions;

    public SweepMain() {
        this(m -> SparkSessions.start("rebalancer-sweep", m));
    }

    SweepMain(Function<String, SparkSession> sessions) {
        this.sessions = sessions;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return commandLine(new SweepMain()).execute(args);
    }

    static CommandLine commandLine(SweepMain command) {
        return SparkCommandLine.of(command);
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        String unreadable = unreadable(file);
        if (unreadable != null) {
            stderr.println("error: " + unreadable);
            stderr.flush();
            return ExitCodes.BAD_INPUT;
        }
        Path outDir = (out != null ? out : Path.of("reports/sweep-" + LocalDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))).toAbsolutePath();
        SweepConfig cfg = new SweepConfig(file.toAbsolutePath().normalize().toString(),
                rules.toAbsolutePath().normalize().toString(), data.toAbsolutePath().normalize().toString(),
                model.name(), outDir.resolve("work").toString());
        SparkSession spark = sessions.apply(master);
        try {
            SweepJob.Outcome o = SweepJob.run(spark, cfg, outDir);
            stdout.print(SweepReport.text(o.spec().name(), o.spec().objective(), o.ranking(), o.frontier(), top));
            stdout.printf(java.util.Locale.ROOT, "%d tasks on %s in %.1f s (rule model: %s)%n", o.partitions(),
                    spark.sparkContext().master(), o.millis() / 1000.0, model);
            stdout.println("Wrote " + outDir.resolve("results.parquet") + ", comparison.txt and sweep.html");
            return ExitCodes.OK;
        } catch (DataFileException e) {
            stderr.println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (RuleSetException e) {
            stderr.println("error: " + e.getMessage());
            return ExitCodes.RULES;
        } catch (IllegalArgumentException e) {
            stderr.println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } finally {
            stdout.flush();
            stderr.flush();
            spark.stop();
            SweepExecutor.closeAll();
        }
    }

    /** Why the sweep file cannot be read, naming it as given; null when it can. */
    static String unreadable(Path file) {
        if (!Files.exists(file)) {
            return "sweep file " + file + ": no such file";
        }
        if (Files.isDirectory(file)) {
            return "sweep file " + file + ": is a directory";
        }
        if (!Files.isReadable(file)) {
            return "sweep file " + file + ": not readable";
        }
        return null;
    }
}
