package io.rebalancer.rules.drools;

import io.rebalancer.rules.RuleProblem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JavaBodyCheckTest {
    private static final String TEXT_BLOCK_BREAKOUT = """
            package io.rebalancer.rules
            function int zzSt() {
                String s1 = \"""
            a"b\""";
                return 1; } public static int K = 1; static { } static void zzSt2() {
                String s2 = \"""
            a"b\""";
            }
            """;

    @Test
    void check_functionWhoseBodyJavaReadsAsEndingEarly_refused() {
        List<RuleProblem> p = JavaBodyCheck.check("st.drl", TEXT_BLOCK_BREAKOUT);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).message().startsWith("function zzSt: Syntax error on token \"public\""), p.toString());
    }

    @Test
    void check_ordinaryFunctionAndConsequence_nothing() {
        String drl = """
                package io.rebalancer.rules
                import io.rebalancer.rules.facts.*
                function double half(double x) {
                    String note = "} not the end {";
                    return x / 2; // }
                }
                rule "r"
                when
                    $m : MarketConditions()
                then
                    double h = half($m.vix());
                    insert(new ReasonLine("monitor", "half " + h, drools.getRule().getName()));
                end
                """;
        assertEquals(List.of(), JavaBodyCheck.check("fine.drl", drl));
    }
}
