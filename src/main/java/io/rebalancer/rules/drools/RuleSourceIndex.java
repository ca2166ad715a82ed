package io.rebalancer.rules.drools;

import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each rule, function and declared type of a rule set is written: file and lines, parsed with Drools' DRL
 * parser (never compiled, so nothing of the rules runs). A decision table is indexed through the DRL generated
 * from it, whose {@code // rule values at A12} comments give the row of each rule.
 */
final class RuleSourceIndex {
    private static final Pattern ROW_COMMENT = Pattern.compile("//\\s*rule values at\\s+([A-Z]+\\d+)");

    /** A rule, function or declared type: its file, first and last line, and the text of the file. */
    record Source(String kind, String name, String file, int line, int endLine, String text, String sheet) {
        /**
         * {@code 31:9} for the first line of the rule that mentions {@code token}, else its first line; for a
         * table the row's first cell ({@code Sheet1!A12}).
         */
        String locate(String token) {
            String[] lines = text.split("\n", -1);
            if (sheet != null) {
                for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
                    Matcher m = ROW_COMMENT.matcher(lines[i]);
                    if (m.find()) {
                        return sheet + "!" + m.group(1);
                    }
                }
                return "";
            }
            int end = Math.min(endLine > 0 ? endLine : lines.length, lines.length);
            if (token != null && !token.isEmpty()) {
                for (int i = Math.max(line - 1, 0); i < end; i++) {
                    int at = lines[i].indexOf(token);
                    if (at >= 0) {
                        return (i + 1) + ":" + (at + 1);
                    }
                }
            }
            return String.valueOf(line);
        }
    }

    private final Map<String, Source> rules = new LinkedHashMap<>();
    private final Map<String, Source> functions = new LinkedHashMap<>();
    private final Map<String, Source> types = new LinkedHashMap<>();
    private final List<String> unparsed = new ArrayList<>();

    /**
     * Indexes DRL texts by the file they are reported under; {@code sheetByTable} names the generated ones, each with
     * the name of its rule sheet (a workbook's first sheet, {@code Sheet1} for a CSV).
     */
    static RuleSourceIndex ofSheets(Map<String, String> drlByFile, Map<String, String> sheetByTable) {
        RuleSourceIndex index = new RuleSourceIndex();
        drlByFile.forEach((file, text) -> index.add(file, text, sheetByTable.get(file)));
        return index;
    }

    private void add(String file, String text, String table) {
        PackageDescr pkg;
        try {
            DrlParser parser = new DrlParser();
            pkg = parser.parse(false, text);
            if (pkg == null) {
                unparsed.add(file);
                return;
            }
        } catch (DroolsParserException | RuntimeException e) {
            unparsed.add(file);
            return;
        }
        for (RuleDescr r : pkg.getRules()) {
            rules.putIfAbsent(r.getName(), new Source("rule", r.getName(), file, r.getLine(), r.getEndLine(), text, table));
        }
        for (FunctionDescr f : pkg.getFunctions()) {
            functions.putIfAbsent(f.getName(), new Source("function", f.getName(), file, f.getLine(), f.getEndLine(),
                    text, table));
        }
        for (TypeDeclarationDescr t : pkg.getTypeDeclarations()) {
            types.putIfAbsent(t.getTypeName(), new Source("declared type", t.getTypeName(), file, t.getLine(),
                    t.getEndLine(), text, table));
        }
    }

    Optional<Source> rule(String name) {
        return Optional.ofNullable(rules.get(name));
    }

    Optional<Source> function(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    Optional<Source> type(String simpleName) {
        return Optional.ofNullable(types.get(simpleName));
    }

    Map<String, Source> rules() {
        return rules;
    }

    /** The one file of the rule set when there is exactly one, for problems no rule can be found for. */
    List<String> files() {
        List<String> out = new ArrayList<>();
        for (Source s : rules.values()) {
            if (!out.contains(s.file())) {
                out.add(s.file());
            }
        }
        return out;
    }
}
