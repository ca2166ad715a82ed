package io.rebalancer.rules.drools;

import io.rebalancer.rules.RuleProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The linter alone (no compile): fast checks of the shipped rules and of edge cases. */
class RuleLinterTest {
    @Test
    void lint_shippedRules_noProblems() {
        assertEquals(List.of(), RuleLinter.lint(RuleFiles.scan(Path.of("rules"))));
    }

    @Test
    void lint_forbiddenNameOnlyInStringsAndComments_notFlagged(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.drl"), """
                package x
                // System.exit would be bad here, Thread too
                rule "says System.exit in a string"
                when
                then
                    String s = "java.io.File and Runtime.getRuntime()";
                end
                """);
        assertEquals(List.of(), RuleLinter.lint(RuleFiles.scan(dir)));
    }

    @Test
    void lint_reflectionAndNetworkInDrl_errorsWithLineAndColumn(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.drl"), """
                package x
                rule "r1"
                when
                then
                    Class.forName("x");
                    new java.net.Socket("h", 1);
                end
                """);
        List<RuleProblem> problems = RuleLinter.lint(RuleFiles.scan(dir));
        assertEquals(2, problems.size(), problems.toString());
        assertEquals("5:5", problems.get(0).location());
        assertTrue(problems.get(0).message().startsWith("security:"), problems.get(0).message());
        assertEquals("6:9", problems.get(1).location());
    }

    @Test
    void lint_duplicateTableRowWithSameAction_warnsUnreachable(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("t.drl.csv"), String.join("\n",
                "RuleSet,x",
                "Import,io.rebalancer.domain.*",
                "RuleTable T",
                "NAME,CONDITION,ACTION",
                ",r : RegimeClassified,",
                ",regime == Regime.$param,insert($param);",
                "Name,Regime,Value",
                "a,LOW_VOL,1",
                "b,MODERATE,1",
                "c,HIGH_VOL,1",
                "d,CRISIS,1",
                "e,CRISIS,1",
                ""));
        List<RuleProblem> problems = RuleLinter.lint(RuleFiles.scan(dir));
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(RuleProblem.Severity.WARNING, problems.get(0).severity());
        assertEquals("Sheet1!B12", problems.get(0).location());
    }
}
