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
        assertTrue(p.get(0).message().startsWith("security: function zzSt: its code closes the method it is compiled into before its end"), p.toString());
    }

    @Test
    void check_accumulateInitThatClosesItsMethod_refused() {
        String drl = """
                package io.rebalancer.rules
                import io.rebalancer.rules.facts.*
                rule "zz acc"
                when
                    $n : Number() from accumulate( MarketConditions( $v : vix ),
                        init( int c = 0; } public static int K = 1; static { } public void zz() { ),
                        action( c++; ), result( c ) )
                then
                end
                """;
        List<RuleProblem> p = JavaBodyCheck.check("acc.drl", drl);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).message().startsWith("security: rule \"zz acc\" accumulate init: its code closes the method"),
                p.toString());
    }

    @Test
    void unbalanced_javaLexicalRules_byHand() {
        assertEquals(null, JavaBodyCheck.unbalanced("String a = \"}\"; char b = '}'; /* } */ // }\n if (x) { y(); }"));
        assertEquals(null, JavaBodyCheck.unbalanced("String t = \"\"\"\n  } \\\"\"\" still in it\n\"\"\";"));
        assertEquals(null, JavaBodyCheck.unbalanced("b.highDriftPct(2.5%);"));
        assertEquals("its code closes the method it is compiled into before its end",
                JavaBodyCheck.unbalanced("return 1; } static { }"));
        assertEquals("its braces do not balance", JavaBodyCheck.unbalanced("if (x) {"));
        assertEquals("a comment is not closed", JavaBodyCheck.unbalanced("/* }"));
        // a lone CR ends a line comment for javac (JLS 3.4), so the brace after it is code
        assertEquals("its code closes the method it is compiled into before its end",
                JavaBodyCheck.unbalanced("int a = 1; // x\r } static { }"));
        assertEquals("a string literal is not closed on its line", JavaBodyCheck.unbalanced("String s = \"}\n\";"));
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
