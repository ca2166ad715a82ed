package io.rebalancer.rules.drools;

import io.rebalancer.rules.RuleProblem;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rule names, attribute values (phase, agenda group, ...) and package names end up as string literals and
 * comments in the Java that Drools generates; a quote, a backslash (also a Java unicode escape) or a comment
 * delimiter in them would let the text continue as code. This check refuses them before anything is compiled,
 * by file and line or by table cell; the bytecode sandbox ({@link RuleSandbox}) would refuse what such code
 * calls anyway, this just says what is wrong in the analyst's terms.
 */
final class RuleNameCheck {
    private static final int MAX_LENGTH = 200;
    private static final Pattern PACKAGE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    private RuleNameCheck() {
    }

    static List<RuleProblem> check(RuleFiles files) {
        List<RuleProblem> out = new ArrayList<>();
        for (Path p : files.drl()) {
            out.addAll(checkDrl(files.relative(p), RuleFiles.read(p)));
        }
        for (Path p : files.tables()) {
            String rel = files.relative(p);
            List<TableSheet> sheets;
            List<DecisionTableLayout> layouts;
            try {
                sheets = TableSheet.read(p);
                layouts = sheets.stream().map(DecisionTableLayout::of).toList();
            } catch (RuntimeException e) {
                continue; // the compiler and the lint report an unreadable table
            }
            sheets.forEach(sheet -> out.addAll(formulas(rel, sheet)));
            for (DecisionTableLayout layout : layouts) {
                out.addAll(checkTable(rel, layout));
            }
        }
        return out;
    }

    /**
     * The formula cells of a workbook sheet. The checks here read a cell as it is written, Drools reads a formula's result:
     * {@code =CHAR(34)} is no quote to one and a quote to the other. Rule tables take values, so formulas are refused.
     */
    static List<RuleProblem> formulas(String file, TableSheet sheet) {
        List<RuleProblem> out = new ArrayList<>();
        sheet.formulas().forEach((cell, formula) -> out.add(RuleProblem.error(file, sheet.name() + "!" + cell,
                "holds a formula (=" + shown(formula) + "); rule tables take values: type the value itself")));
        return out;
    }

    static List<RuleProblem> checkDrl(String file, String text) {
        List<RuleProblem> out = new ArrayList<>();
        PackageDescr pkg;
        try {
            pkg = new DrlParser().parse(false, text);
        } catch (DroolsParserException | RuntimeException e) {
            return out; // the compiler reports a DRL that does not parse, by line
        }
        if (pkg == null) {
            return out;
        }
        if (pkg.getName() != null && !pkg.getName().isEmpty() && !PACKAGE.matcher(pkg.getName()).matches()) {
            out.add(RuleProblem.error(file, "1", "package name \"" + shown(pkg.getName()) + "\" is not a Java package name"));
        }
        for (RuleDescr r : pkg.getRules()) {
            unsafe(r.getName()).ifPresent(why -> out.add(RuleProblem.error(file, String.valueOf(r.getLine()),
                    "rule name \"" + shown(r.getName()) + "\" " + why)));
            for (AttributeDescr a : r.getAttributes().values()) {
                unsafe(a.getValue()).ifPresent(why -> out.add(RuleProblem.error(file, String.valueOf(
                        a.getLine() > 0 ? a.getLine() : r.getLine()), "rule \"" + shown(r.getName()) + "\": attribute "
                        + a.getName() + " value \"" + shown(a.getValue()) + "\" " + why)));
            }
        }
        return out;
    }

    static List<RuleProblem> checkTable(String file, DecisionTableLayout layout) {
        List<RuleProblem> out = new ArrayList<>();
        TableSheet sheet = layout.sheet();
        for (DecisionTableLayout.SettingCell s : layout.settings()) {
            if (s.keyword().equalsIgnoreCase("RuleSet") && !s.value().isBlank()
                    && !PACKAGE.matcher(s.value().trim()).matches()) {
                out.add(RuleProblem.error(file, sheet.location(s.row(), s.col()), "RuleSet \"" + shown(s.value())
                        + "\" is not a Java package name"));
            }
        }
        for (DecisionTableLayout.Block b : layout.blocks()) {
            for (DecisionTableLayout.Column c : b.columns()) {
                if (c.isCondition() || c.isAction()) {
                    continue; // code by design: compiled, then held to the bytecode allow-list
                }
                int i = b.indexOf(c);
                for (DecisionTableLayout.DataRow r : b.rows()) {
                    String cell = r.cells().get(i);
                    unsafe(cell).ifPresent(why -> out.add(RuleProblem.error(file, sheet.location(r.row(), c.col()),
                            (c.isName() ? "rule name" : c.type() + " value") + " \"" + shown(cell) + "\" " + why)));
                }
            }
        }
        return out;
    }

    /** Why a text may not be a rule name or attribute value, or empty when it may. */
    static Optional<String> unsafe(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                return Optional.of("contains a double quote; names and attribute values may not");
            }
            if (c == '\\') {
                return Optional.of("contains a backslash; names and attribute values may not");
            }
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return Optional.of("contains a control character (code " + (int) c + ")");
            }
        }
        if (text.contains("*/") || text.contains("/*")) {
            return Optional.of("contains a comment delimiter (/* or */); names and attribute values may not");
        }
        if (text.length() > MAX_LENGTH) {
            return Optional.of("is longer than " + MAX_LENGTH + " characters");
        }
        return Optional.empty();
    }

    /** The text as it may be printed: control characters as {@code \\uXXXX}, cut at 80 characters. */
    static String shown(String text) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length() && b.length() < 80; i++) {
            char c = text.charAt(i);
            b.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return text.length() > 80 ? b + "..." : b.toString();
    }
}
