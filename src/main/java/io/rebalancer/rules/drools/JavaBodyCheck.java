package io.rebalancer.rules.drools;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.stmt.BlockStmt;
import io.rebalancer.rules.RuleProblem;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether every function body and consequence of a DRL text is exactly one Java block, as a Java parser reads it.
 * The DRL parser delimits those bodies with rules of its own (it knows no text blocks, for one), and Drools' DRL
 * compiler pastes each body into a method of a generated class: a body that the Java compiler reads as ending early
 * would add members of its own to that class, a static initialiser among them, and the DRL compiler loads what it
 * compiles outside the sandbox. So the DRL compiler, which only locates errors, runs on none of it unless every
 * body parses as one block.
 */
final class JavaBodyCheck {
    private JavaBodyCheck() {
    }

    static List<RuleProblem> check(String file, String drl) {
        PackageDescr pkg;
        try {
            pkg = new DrlParser().parse(false, drl);
        } catch (DroolsParserException | RuntimeException e) {
            return List.of();
        }
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
        }
        return out;
    }

    private static void body(String file, String what, String code, int line, List<RuleProblem> out) {
        if (code == null || code.isBlank()) {
            return;
        }
        JavaParser parser = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
        ParseResult<BlockStmt> parsed;
        try {
            parsed = parser.parseBlock("{\n" + code + "\n}");
        } catch (RuntimeException e) {
            out.add(RuleProblem.error(file, line > 0 ? String.valueOf(line) : "", what + ": its code does not parse"
                    + " as one Java block (" + e.getClass().getSimpleName() + ")"));
            return;
        }
        if (parsed.isSuccessful()) {
            return;
        }
        String reason = parsed.getProblems().stream().findFirst().map(p -> p.getMessage().lines().findFirst()
                .orElse("")).orElse("");
        java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("\"([^\"]+)\"").matcher(reason);
        String token = quoted.find() ? quoted.group(1) : "";
        out.add(RuleProblem.error(file, line > 0 ? String.valueOf(line) : "", what + ": Syntax error on token \""
                + token + "\": its code does not parse as one Java block (" + reason + ")"));
    }
}
