package io.rebalancer.cli;

import io.rebalancer.rules.drools.RuleCacheLocation;
import io.rebalancer.rules.RuleProblem;
import io.rebalancer.rules.drools.CompiledRuleCache;
import io.rebalancer.rules.drools.RuleValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code rules watch}: validates the rule directory, then again each time a rule file is saved, in one warm
 * process; only the files that changed are compiled again. Spreadsheet lock and temporary files are ignored.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Validate the rules, then revalidate on every save of a rule file until interrupted (Ctrl-C)."
                + " The process stays warm and compiles only the files that changed, so a revalidation takes a"
                + " fraction of a second.",
                "Example: rules watch --rules rules"})
public class RulesWatchCommand implements Callable<Integer> {
    /** Saves arrive as several events (truncate, write, rename); wait this long for the last one. */
    private static final long SETTLE_MS = 150;

    @Spec
    CommandSpec spec;

    @Option(names = "--rules", defaultValue = "rules", description = "Rule directory (default: ${DEFAULT-VALUE})")
    Path rules;

    @Option(names = "--checks", defaultValue = "0",
            description = "Stop after this many revalidations (0, the default: run until interrupted)")
    int checks;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!Files.isDirectory(rules)) {
            throw new IllegalArgumentException("rules directory " + rules + " does not exist");
        }
        CompiledRuleCache cache = RuleCacheLocation.resolve(false);
        PrintWriter out = spec.commandLine().getOut();
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            register(watcher, rules);
            RuleValidator.Report last = validate(cache, out);
            out.println("watching " + rules + " for changes (Ctrl-C to stop)");
            out.flush();
            warmUpInBackground(rules);
            int done = 0;
            while (checks == 0 || done < checks) {
                WatchKey key = watcher.take();
                boolean relevant = drain(key);
                // collect the rest of this save before validating once
                for (WatchKey more = watcher.poll(SETTLE_MS, TimeUnit.MILLISECONDS); more != null;
                        more = watcher.poll(SETTLE_MS, TimeUnit.MILLISECONDS)) {
                    relevant |= drain(more);
                }
                if (!relevant) {
                    continue;
                }
                register(watcher, rules);
                last = validate(cache, out);
                done++;
            }
            return last.ok() ? ExitCodes.OK : ExitCodes.RULES;
        } catch (ClosedWatchServiceException e) {
            return ExitCodes.OK;
        }
    }

    /**
     * The first validation usually reuses the cached build, so the compiler, the executable-model build and the
     * sandbox check are still cold (JIT) at the analyst's first save, which then took about 5 s where later ones
     * take 0.2-0.7 s. A throwaway copy of the rules is compiled once in the background, quietly and with no cache,
     * so that the first save is already warm.
     */
    private static void warmUpInBackground(Path rules) {
        Thread t = new Thread(() -> {
            Path copy = null;
            try {
                copy = Files.createTempDirectory("rebalancer-watch-warm-up-");
                io.rebalancer.rules.drools.RuleFiles.copyDirectory(rules, copy);
                RuleValidator.validate(copy, CompiledRuleCache.disabled());
            } catch (IOException | RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(RulesWatchCommand.class).debug("warm-up skipped: {}", e.toString());
            } finally {
                deleteQuietly(copy);
            }
        }, "rules-watch-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(RulesWatchCommand.class).debug("cannot delete {}: {}", dir, e.toString());
        }
    }

    private RuleValidator.Report validate(CompiledRuleCache cache, PrintWriter out) {
        long start = System.nanoTime();
        RuleValidator.Report report = RuleValidator.validate(rules, cache);
        long ms = (System.nanoTime() - start) / 1_000_000;
        out.println("[" + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] validated in " + ms + " ms");
        for (RuleProblem p : report.problems()) {
            out.println(p);
        }
        out.println(report.summary());
        out.flush();
        return report;
    }

    /** Whether the key's events touch a rule file (not a lock or temporary file); resets the key. */
    private static boolean drain(WatchKey key) {
        boolean relevant = false;
        for (WatchEvent<?> e : key.pollEvents()) {
            if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
                relevant = true;
            } else if (e.context() instanceof Path p && isRuleFile(p)) {
                relevant = true;
            }
        }
        key.reset();
        return relevant;
    }

    static boolean isRuleFile(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.startsWith("~$") || name.startsWith(".~lock") || name.startsWith(".")) {
            return false;
        }
        return name.endsWith(".drl") || name.endsWith(".drl.csv") || name.endsWith(".drl.xlsx")
                || name.endsWith(".drl.xls");
    }

    /** Registers the directory and its subdirectories (registering one twice is harmless). */
    private static void register(WatchService watcher, Path dir) {
        try (Stream<Path> dirs = Files.walk(dir)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + dir, e);
        }
    }
}
