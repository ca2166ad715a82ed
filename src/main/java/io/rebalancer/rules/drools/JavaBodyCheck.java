package io.rebalancer.rules.drools;

import io.rebalancer.rules.RuleProblem;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether every function body and consequence of a DRL text keeps its braces balanced as Java reads it.
 * The DRL parser delimits those bodies with rules of its own (it knows no text blocks, for one), and Drools' DRL
 * compiler pastes each body into a method of a generated class: a body that the Java compiler reads as ending early
 * would add members of its own to that class, a static initialiser among them, and the DRL compiler loads what it
 * compiles outside the sandbox. So the DRL compiler, which only locates errors, runs on none of it unless every
 * body's braces balance, and never close what they did not open, by the Java language's lexical rules.
 */
final class JavaBodyCheck {
    private JavaBodyCheck() {
    }

    static List<RuleProblem> check(String file, String drl) {
        PackageDescr pkg = DrlAllowList.parsed(drl);
        if (pkg == null) {
            return List.of();
        }
        List<RuleProblem> out = new ArrayList<>();
        for (FunctionDescr f : pkg.getFunctions()) {
            body(file, "function " + f.getName(), f.getBody(), f.getLine(), out);
        }
        for (RuleDescr r : pkg.getRules()) {
            if (r.getConsequence() != null) {
                body(file, "rule \"" + r.getName() + "\"", String.valueOf(r.getConsequence()), r.getConsequenceLine(), out);
            }
            for (Map.Entry<String, Object> named : r.getNamedConsequences().entrySet()) {
                body(file, "rule \"" + r.getName() + "\" consequence " + named.getKey(), String.valueOf(named.getValue()),
                        r.getConsequenceLine(), out);
            }
            // eval text, constraint expressions and an inline accumulate's init, action, reverse and result are
            // pasted into generated methods the same way
            for (org.drools.drl.ast.descr.BaseDescr d : DrlAllowList.reachable(r.getLhs())) {
                if (d instanceof org.drools.drl.ast.descr.EvalDescr e && e.getContent() != null) {
                    // pasted into "( ... )" of a generated method
                    body(file, "rule \"" + r.getName() + "\" eval", String.valueOf(e.getContent()),
                            e.getLine() > 0 ? e.getLine() : r.getLine(), out);
                }
                if (d instanceof org.drools.drl.ast.descr.ExprConstraintDescr c && c.getExpression() != null) {
                    body(file, "rule \"" + r.getName() + "\" constraint", c.getExpression(),
                            c.getLine() > 0 ? c.getLine() : r.getLine(), out);
                }
                if (d instanceof org.drools.drl.ast.descr.AccumulateDescr a) {
                    int at = a.getLine() > 0 ? a.getLine() : r.getLine();
                    String in = "rule \"" + r.getName() + "\" accumulate ";
                    body(file, in + "init", a.getInitCode(), at, out);
                    body(file, in + "action", a.getActionCode(), at, out);
                    body(file, in + "reverse", a.getReverseCode(), at, out);
                    body(file, in + "result", a.getResultCode(), at, out);
                }
            }
        }
        return out;
    }

    private static void body(String file, String what, String code, int line, List<RuleProblem> out) {
        if (code == null || code.isBlank()) {
            return;
        }
        String why = unbalanced(code);
        if (why != null) {
            out.add(RuleProblem.error(file, line > 0 ? String.valueOf(line) : "", "security: " + what + ": " + why
                    + " as the Java compiler reads it (text blocks, comments, strings and char literals by the Java"
                    + " rules), so it would not stay the body the DRL parser delimited; rules may only compute over"
                    + " facts and insert conclusions (docs/RULES.md, \"The sandbox\")"));
        }
    }

    /**
     * Null when {@code code}'s braces balance and never close more than they opened, read by the Java language's
     * lexical rules (JLS 3.7, 3.10.5-6: comments, string and char literals, text blocks); otherwise what is wrong.
     * Unicode escapes, which Java reads before these, are refused before this runs ({@link DrlAllowList}).
     */
    static String unbalanced(String code) {
        int depth = 0;
        int i = 0;
        int n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            if (code.startsWith("//", i)) {
                // a line ends at LF, CR or CR LF (JLS 3.4): a lone CR ends the comment for javac too
                int eol = i;
                while (eol < n && code.charAt(eol) != '\n' && code.charAt(eol) != '\r') {
                    eol++;
                }
                i = eol;
            } else if (code.startsWith("/*", i)) {
                int close = code.indexOf("*/", i + 2);
                if (close < 0) {
                    return "a comment is not closed";
                }
                i = close + 2;
            } else if (code.startsWith("\"\"\"", i)) {
                int close = closing(code, i + 3, "\"\"\"", false);
                if (close < 0) {
                    return "a text block is not closed";
                }
                i = close + 3;
            } else if (c == '"' || c == '\'') {
                int close = closing(code, i + 1, String.valueOf(c), true);
                if (close < 0) {
                    return "a " + (c == '"' ? "string" : "char") + " literal is not closed on its line";
                }
                i = close + 1;
            } else {
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth < 0) {
                    return "its code closes the method it is compiled into before its end";
                }
                i++;
            }
        }
        return depth == 0 ? null : "its braces do not balance";
    }

    /** Index of the first {@code end} from {@code from} not escaped by a backslash; -1 if none (or, for one-line literals, not on the line). */
    private static int closing(String code, int from, String end, boolean oneLine) {
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\\') {
                i++;
            } else if (oneLine && (c == '\n' || c == '\r')) {
                return -1;
            } else if (code.startsWith(end, i)) {
                return i;
            }
        }
        return -1;
    }
}
