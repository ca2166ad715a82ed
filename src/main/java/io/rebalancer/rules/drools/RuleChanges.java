package io.rebalancer.rules.drools;

import io.rebalancer.rules.drools.DecisionTableLayout.Block;
import io.rebalancer.rules.drools.DecisionTableLayout.Column;
import io.rebalancer.rules.drools.DecisionTableLayout.DataRow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What differs between two rule directories, rule by rule: a rule is changed when the DRL it compiles to differs
 * (whitespace aside), so a table re-saved in another format or with a comma list split into columns shows no
 * change. For a changed table rule, the cells that differ are named {@code file!Sheet!CELL} (in the new set,
 * {@code --rules}) with their old and new text; for a changed DRL rule, its file and line.
 */
public final class RuleChanges {
    private static final Pattern RULE = Pattern.compile("(?ms)^\\s*rule\\s+\"((?:[^\"\\\\]|\\\\.)*)\"(.*?)^\\s*end\\s*$");

    private RuleChanges() {
    }

    /** One changed, added or removed rule (or a cell of one); {@code before}/{@code after} are "" when absent. */
    public record Change(Kind kind, String rule, String location, String column, String before, String after) {
        public enum Kind { CELL, RULE_BODY, ADDED, REMOVED }

        public Change {
            Objects.requireNonNull(kind, "kind");
        }

        /** {@code regime_vix.drl.xlsx!VIX regime!E11 (VIX to) of "vix from LOW_VOL: moderate": 25 -> 26}. */
        @Override
        public String toString() {
            return switch (kind) {
                case CELL -> location + " (" + column + ") of \"" + rule + "\": " + show(before) + " -> " + show(after);
                case RULE_BODY -> location + " rule \"" + rule + "\" changed";
                case ADDED -> location + " rule \"" + rule + "\" added";
                case REMOVED -> location + " rule \"" + rule + "\" removed";
            };
        }

        private static String show(String s) {
            return s.isEmpty() ? "(empty)" : s;
        }
    }

    /** Where a rule is defined and what it compiles to. */
    private record Defined(String file, String location, String body, Path table, int sheet, int block, int row) {
    }

    /** The changes that turn the rules of {@code before} into those of {@code after}. */
    public static List<Change> between(Path after, Path before) {
        Map<String, Defined> a = rules(after);
        Map<String, Defined> b = rules(before);
        List<Change> out = new ArrayList<>();
        for (Map.Entry<String, Defined> e : a.entrySet()) {
            Defined now = e.getValue();
            Defined was = b.get(e.getKey());
            if (was == null) {
                out.add(new Change(Change.Kind.ADDED, e.getKey(), now.location(), "", "", ""));
            } else if (!was.body().equals(now.body())) {
                List<Change> cells = now.table() != null && was.table() != null ? cells(e.getKey(), now, was) : List.of();
                out.addAll(cells.isEmpty()
                        ? List.of(new Change(Change.Kind.RULE_BODY, e.getKey(), now.location(), "", "", "")) : cells);
            }
        }
        for (Map.Entry<String, Defined> e : b.entrySet()) {
            if (!a.containsKey(e.getKey())) {
                out.add(new Change(Change.Kind.REMOVED, e.getKey(), e.getValue().location(), "", "", ""));
            }
        }
        return out;
    }

    /** The cells of a table rule's row whose text differs, matched by column label. */
    private static List<Change> cells(String rule, Defined now, Defined was) {
        Row n = row(now);
        Row w = row(was);
        List<Change> out = new ArrayList<>();
        if (n == null || w == null) {
            return out;
        }
        for (Map.Entry<String, String[]> c : n.cells().entrySet()) {
            String[] old = w.cells().get(c.getKey());
            String oldText = old == null ? "" : old[0];
            if (!sameValue(oldText, c.getValue()[0])) {
                out.add(new Change(Change.Kind.CELL, rule, now.file() + "!" + c.getValue()[1], c.getKey(), oldText,
                        c.getValue()[0]));
            }
        }
        for (Map.Entry<String, String[]> c : w.cells().entrySet()) {
            if (!n.cells().containsKey(c.getKey()) && !c.getValue()[0].isEmpty()) {
                out.add(new Change(Change.Kind.CELL, rule, was.file() + "!" + c.getValue()[1] + " (old set)", c.getKey(),
                        c.getValue()[0], ""));
            }
        }
        return out;
    }

    /** label -> {text, Sheet!CELL} of one data row. */
    private record Row(Map<String, String[]> cells) {
    }

    private static Row row(Defined d) {
        List<TableSheet> sheets = TableSheet.read(d.table());
        TableSheet sheet = sheets.get(d.sheet());
        Block block = DecisionTableLayout.of(sheet).blocks().get(d.block());
        for (DataRow r : block.rows()) {
            if (r.row() == d.row()) {
                Map<String, String[]> cells = new LinkedHashMap<>();
                for (Column c : block.columns()) {
                    String label = c.label().isEmpty() ? c.type() + " " + TableSheet.columnLetter(c.col()) : c.label();
                    cells.put(label, new String[] {r.cells().get(block.indexOf(c)), sheet.location(r.row(), c.col())});
                }
                return new Row(cells);
            }
        }
        return null;
    }

    private static boolean sameValue(String x, String y) {
        if (x.equals(y)) {
            return true;
        }
        try {
            return Double.parseDouble(x) == Double.parseDouble(y);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Every rule of a directory by name. */
    private static Map<String, Defined> rules(Path dir) {
        RuleFiles files = RuleFiles.scan(dir);
        Map<String, Defined> out = new LinkedHashMap<>();
        for (Path p : files.drl()) {
            String text = RuleFiles.read(p);
            Matcher m = RULE.matcher(text);
            while (m.find()) {
                int line = 1 + (int) text.substring(0, m.start(1)).chars().filter(ch -> ch == '\n').count();
                out.putIfAbsent(m.group(1), new Defined(files.relative(p), files.relative(p) + ":" + line,
                        normalise(m.group(2)), null, -1, -1, -1));
            }
        }
        for (Path p : files.tables()) {
            Map<String, String> bodies = new LinkedHashMap<>();
            Matcher m = RULE.matcher(DecisionTables.toDrl(p));
            while (m.find()) {
                bodies.put(m.group(1), normalise(m.group(2)));
            }
            List<TableSheet> sheets = TableSheet.read(p);
            for (int s = 0; s < sheets.size(); s++) {
                List<Block> blocks = DecisionTableLayout.of(sheets.get(s)).blocks();
                for (int b = 0; b < blocks.size(); b++) {
                    Block block = blocks.get(b);
                    Column name = block.columns().stream().filter(Column::isName).findFirst().orElse(null);
                    if (name == null) {
                        continue;
                    }
                    for (DataRow r : block.rows()) {
                        String rule = r.cells().get(block.indexOf(name));
                        if (bodies.containsKey(rule)) {
                            out.putIfAbsent(rule, new Defined(files.relative(p), files.relative(p) + "!"
                                    + sheets.get(s).location(r.row(), name.col()), bodies.get(rule), p, s, b, r.row()));
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * A rule body with comments and layout removed; {@code &&} between constraints reads as {@code ,} (what
     * Drools writes when two table columns constrain one pattern).
     */
    static String normalise(String body) {
        String s = body.replaceAll("(?m)//.*$", "").replaceAll("\\s*&&\\s*", ", ").replaceAll("\\s+", " ")
                .replaceAll("\\s*([(),;])\\s*", "$1").trim();
        // 0.0050 and 0.005 are one number: a workbook stores numbers, a CSV the digits typed
        Matcher m = DECIMAL.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(
                    new java.math.BigDecimal(m.group()).stripTrailingZeros().toPlainString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static final Pattern DECIMAL = Pattern.compile("(?<![\\w.])\\d+\\.\\d+(?![\\w.])");
}
