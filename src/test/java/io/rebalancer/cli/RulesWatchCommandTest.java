package io.rebalancer.cli;

import io.rebalancer.testsupport.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code rules watch}: validates once, then again when a rule file is saved; lock files do not count. */
class RulesWatchCommandTest {
    @TempDir
    Path tmp;

    @Test
    void watch_ruleFileSaved_revalidatesAndReportsTheNewProblem() throws Exception {
        Path dir = tmp.resolve("rules");
        ShippedRules.copyTo(dir);
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine(false);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        CompletableFuture<Integer> watch = CompletableFuture.supplyAsync(
                () -> cli.execute("rules", "watch", "--rules", dir.toString(), "--checks", "1"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!out.toString().contains("watching ") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(out.toString().contains(" OK: "), out.toString());

        Files.writeString(dir.resolve(".~lock.timing.drl.csv#"), "lock");
        Files.writeString(dir.resolve("adaptive.drl"), "\nrule \"watch: broken\"\n    ruleflow-group \"decide\"\nwhen\n"
                + "    eval(true)\nthen\n    noSuchCall();\nend\n", StandardOpenOption.APPEND);

        assertEquals(ExitCodes.RULES, watch.get(120, TimeUnit.SECONDS));
        String text = out.toString();
        assertEquals(2, text.split("validated in ", -1).length - 1, text);
        assertTrue(text.contains("adaptive.drl:"), text);
        assertTrue(text.contains("FAILED: 1 error"), text);
    }

    @Test
    void isRuleFile_lockAndTemporaryFiles_areIgnored() {
        assertTrue(RulesWatchCommand.isRuleFile(Path.of("timing.drl.xlsx")));
        assertTrue(RulesWatchCommand.isRuleFile(Path.of("monitor.drl")));
        assertTrue(!RulesWatchCommand.isRuleFile(Path.of("~$timing.drl.xlsx")));
        assertTrue(!RulesWatchCommand.isRuleFile(Path.of(".~lock.timing.drl.xlsx#")));
        assertTrue(!RulesWatchCommand.isRuleFile(Path.of("notes.txt")));
    }
}
