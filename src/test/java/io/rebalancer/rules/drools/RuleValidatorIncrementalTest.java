package io.rebalancer.rules.drools;

import io.rebalancer.testsupport.ShippedRules;
import io.rebalancer.rules.RuleProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code rules validate} compiling only the files changed since they last compiled clean. */
class RuleValidatorIncrementalTest {
    @TempDir
    Path tmp;

    private Path copy() throws IOException {
        Path dir = tmp.resolve("rules");
        ShippedRules.copyTo(dir);
        return dir;
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.APPEND);
    }

    @Test
    void validate_oneDrlFileEdited_compilesOnlyThatFileAndCountsTheNewRule() throws IOException {
        Path dir = copy();
        CompiledRuleCache cache = CompiledRuleCache.at(tmp.resolve("cache"));
        append(dir.resolve("adaptive.drl"), "\n// first " + System.nanoTime() + "\n");
        RuleValidator.Report before = RuleValidator.validate(dir, cache);
        assertTrue(before.ok(), before.problems().toString());

        // one rule more, in a file that calls no function of another file (adaptive.drl)
        append(dir.resolve("adaptive.drl"), "\nrule \"test: one more\"\n    ruleflow-group \"decide\"\nwhen\n"
                + "    eval(false)\nthen\nend\n");
        RuleValidator.Report after = RuleValidator.validate(dir, cache);

        assertTrue(after.ok(), after.problems().toString());
        assertEquals(1, after.compiledFiles(), after.summary());
        assertEquals(before.rules() + 1, after.rules(), "exactly one rule was added");
        assertEquals(RuleValidator.validate(dir).rules(), after.rules(), "same count as compiling every file");
        assertTrue(after.summary().contains("(compiled 1 changed file;"), after.summary());
    }

    @Test
    void validate_editedFileNoLongerCompiles_reportsTheErrorFromTheWholeSet() throws IOException {
        Path dir = copy();
        CompiledRuleCache cache = CompiledRuleCache.at(tmp.resolve("cache"));
        assertTrue(RuleValidator.validate(dir, cache).ok());
        append(dir.resolve("adaptive.drl"), "\nrule \"test: broken\"\n    ruleflow-group \"decide\"\nwhen\n"
                + "    eval(true)\nthen\n    noSuchFunction(1);\nend\n");

        RuleValidator.Report r = RuleValidator.validate(dir, cache);

        assertFalse(r.ok());
        assertEquals(RuleFiles.scan(dir).all().size(), r.compiledFiles(), "a failing subset is compiled again whole");
        RuleProblem e = r.errors().get(0);
        assertEquals("adaptive.drl", e.file(), r.errors().toString());
        assertTrue(e.message().contains("noSuchFunction"), e.message());
    }

    @Test
    void validate_sameFilesAgainInANewProcess_compilesNothing() throws IOException {
        Path dir = copy();
        append(dir.resolve("decide.drl"), "\n// " + System.nanoTime() + "\n");
        CompiledRuleCache cache = CompiledRuleCache.at(tmp.resolve("cache"));
        int rules = RuleValidator.validate(dir, cache).rules();
        CleanFileStamps.forgetProcessMemory();

        RuleValidator.Report again = RuleValidator.validate(dir, cache);

        assertEquals(0, again.compiledFiles(), again.summary());
        assertEquals(rules, again.rules());
    }

    @Test
    void supportOf_fileCallingAFunctionOfAnother_compilesBesideIt() {
        RuleFiles files = RuleFiles.scan(Path.of("rules"));
        Path monitor = Path.of("rules", "monitor.drl");
        Path caller = Path.of("rules", "adaptive.drl");
        Map<Path, String> text = new LinkedHashMap<>();
        files.drl().forEach(p -> text.put(p, RuleFiles.read(p)));
        text.put(caller, "rule \"x\" when then System.out.println(pct(0.1)); end");

        Set<Path> support = CleanFileStamps.supportOf(java.util.List.of(caller), files, text);

        assertEquals(Set.of(monitor), support, "pct is declared in monitor.drl");
        String before = CleanFileStamps.ids(files, text).get(caller);
        text.put(monitor, text.get(monitor) + "\n// changed\n");
        assertFalse(before.equals(CleanFileStamps.ids(files, text).get(caller)),
                "a change to the declaring file changes the caller's stamp");
    }
}
