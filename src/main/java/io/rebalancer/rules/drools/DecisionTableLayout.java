package io.rebalancer.rules.drools;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The structure of the rule tables on one sheet: for each {@code RuleTable} block, its columns (type row,
 * pattern row, template row, label row) and its data rows, with the spreadsheet position of every cell. The
 * rows above the first block are the RuleSet area (RuleSet, Import, Functions, Variables, Notes...).
 */
public record DecisionTableLayout(TableSheet sheet, List<SettingCell> settings, List<Block> blocks) {

    /** A keyword cell of the RuleSet area and its value cell. */
    public record SettingCell(String keyword, String value, int row, int col) {
    }

    /** One column of a rule table; positions are 0-based. */
    public record Column(int col, String type, String pattern, String template, String label,
                         int typeRow, int templateRow) {
        public boolean isCondition() {
            return type.startsWith("CONDITION");
        }

        public boolean isAction() {
            return type.startsWith("ACTION");
        }

        public boolean isName() {
            return type.equals("NAME");
        }

        /** The highest {@code $n} of the template, 1 for {@code $param}, 0 when the template has no parameter. */
        public int parameterCount() {
            int max = 0;
            Matcher m = PARAM.matcher(template);
            while (m.find()) {
                max = Math.max(max, m.group(1).equals("param") ? 1 : Integer.parseInt(m.group(1)));
            }
            return max;
        }
    }

    /** One data row: its 0-based sheet row and the text of each column's cell (same order as the columns). */
    public record DataRow(int row, List<String> cells) {
    }

    public record Block(String name, int headerRow, int headerCol, List<Column> columns, List<DataRow> rows) {
        public int indexOf(Column c) {
            return columns.indexOf(c);
        }
    }

    static final Pattern PARAM = Pattern.compile("\\$(param|\\d+)");
    private static final Set<String> COLUMN_TYPES = Set.of("NAME", "DESCRIPTION", "CONDITION", "ACTION", "METADATA",
            "PRIORITY", "SALIENCE", "RULEFLOW-GROUP", "AGENDA-GROUP", "ACTIVATION-GROUP", "NO-LOOP", "DURATION",
            "TIMER", "ENABLED", "CALENDARS", "LOCK-ON-ACTIVE", "AUTO-FOCUS", "DATE-EFFECTIVE", "DATE-EXPIRES");

    public static DecisionTableLayout of(TableSheet sheet) {
        List<SettingCell> settings = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        int r = 0;
        boolean inRuleSet = true;
        while (r < sheet.rows().size()) {
            int tableCol = findRuleTable(sheet, r);
            if (tableCol < 0) {
                if (inRuleSet) {
                    for (int c = 0; c < sheet.width(r); c++) {
                        String k = sheet.cell(r, c);
                        if (!k.isEmpty() && Character.isLetter(k.charAt(0)) && !sheet.cell(r, c + 1).isEmpty()) {
                            settings.add(new SettingCell(k, sheet.cell(r, c + 1), r, c + 1));
                            break;
                        }
                    }
                }
                r++;
                continue;
            }
            inRuleSet = false;
            Block block = block(sheet, r, tableCol);
            blocks.add(block);
            r = block.rows().isEmpty() ? r + 5 : block.rows().get(block.rows().size() - 1).row() + 1;
        }
        return new DecisionTableLayout(sheet, List.copyOf(settings), List.copyOf(blocks));
    }

    private static int findRuleTable(TableSheet sheet, int r) {
        for (int c = 0; c < sheet.width(r); c++) {
            if (sheet.cell(r, c).toLowerCase(Locale.ROOT).startsWith("ruletable")) {
                return c;
            }
        }
        return -1;
    }

    private static Block block(TableSheet sheet, int header, int col0) {
        String name = sheet.cell(header, col0).substring("RuleTable".length()).trim();
        int typeRow = header + 1;
        List<Column> columns = new ArrayList<>();
        for (int c = col0; c < sheet.width(typeRow); c++) {
            String type = sheet.cell(typeRow, c).toUpperCase(Locale.ROOT);
            if (type.isEmpty()) {
                continue;
            }
            String base = type.replaceAll("[^A-Z-].*$", "");
            if (!COLUMN_TYPES.contains(base)) {
                continue;
            }
            columns.add(new Column(c, type, sheet.cell(typeRow + 1, c), sheet.cell(typeRow + 2, c),
                    sheet.cell(typeRow + 3, c), typeRow, typeRow + 2));
        }
        // Patterns may be given once for several condition columns (merged cells): carry them to the right.
        List<Column> carried = new ArrayList<>();
        String lastPattern = "";
        for (Column c : columns) {
            String pattern = c.pattern();
            if (c.isCondition()) {
                if (pattern.isEmpty()) {
                    pattern = lastPattern;
                } else {
                    lastPattern = pattern;
                }
            }
            carried.add(new Column(c.col(), c.type(), pattern, c.template(), c.label(), c.typeRow(), c.templateRow()));
        }
        List<DataRow> rows = new ArrayList<>();
        for (int r = typeRow + 4; r < sheet.rows().size(); r++) {
            List<String> cells = new ArrayList<>();
            boolean any = false;
            for (Column c : carried) {
                String v = sheet.cell(r, c.col());
                cells.add(v);
                any |= !v.isEmpty();
            }
            if (!any || findRuleTable(sheet, r) >= 0) {
                break;
            }
            rows.add(new DataRow(r, cells));
        }
        return new Block(name, header, col0, List.copyOf(carried), List.copyOf(rows));
    }

    /** Splits a multi-parameter cell the way Drools does: on commas not escaped with a backslash, trimmed. */
    public static List<String> split(String cell) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cell.length(); i++) {
            char ch = cell.charAt(i);
            if (ch == '\\' && i + 1 < cell.length() && cell.charAt(i + 1) == ',') {
                sb.append(',');
                i++;
            } else if (ch == ',') {
                out.add(sb.toString().trim());
                sb.setLength(0);
            } else {
                sb.append(ch);
            }
        }
        out.add(sb.toString().trim());
        return out;
    }

    /** The template with the cell's values in place of {@code $param} / {@code $1..$n}, as Drools renders it. */
    public static String render(String template, String cell) {
        if (template.contains("$param")) {
            return template.replace("$param", cell);
        }
        List<String> values = split(cell);
        String out = template;
        for (int i = values.size(); i >= 1; i--) {
            out = out.replace("$" + i, values.get(i - 1));
        }
        return out;
    }
}
