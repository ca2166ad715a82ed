package io.rebalancer.rules.workbook;

import io.rebalancer.rules.drools.CellChoices;
import io.rebalancer.rules.drools.DecisionTableLayout;
import io.rebalancer.rules.drools.DecisionTableLayout.Block;
import io.rebalancer.rules.drools.DecisionTableLayout.Column;
import io.rebalancer.rules.drools.DecisionTableLayout.DataRow;
import io.rebalancer.rules.drools.TableSheet;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a decision table (.drl.csv) as an analyst's workbook (.drl.xlsx) that Drools reads the same way: one value
 * per cell (a column whose template takes $1..$n becomes n columns), the Drools rows (RuleSet, Import, RuleTable,
 * column types, patterns, code) grouped and collapsed above a formatted header row, panes frozen below the header
 * and right of the rule names, drop-down lists wherever the code fixes the values ({@link CellChoices}: phases,
 * regimes, scenarios, timings, verdicts, severities, Review cadences, failure kinds, true/false), and a
 * comment on each header cell with the column's unit and meaning ({@link ColumnGuide}).
 */
public final class DecisionWorkbook {
    private static final Pattern PARAM_N = Pattern.compile("\\$(\\d+)");
    /** Rows below the last table's last row that still get the drop-down lists, for rows an analyst adds. */
    private static final int SPARE_ROWS = 50;

    private DecisionWorkbook() {
    }

    /** A column of the workbook: where it came from and what its Drools rows hold. */
    record OutColumn(Column source, String type, String pattern, String template, String label, int part) {
    }

    /** Converts {@code table} into {@code out} (written whole through a temporary file, or not at all). */
    public static void convert(Path table, Path out) {
        List<TableSheet> sheets = TableSheet.read(table);
        if (sheets.size() != 1) {
            throw new IllegalArgumentException(table + ": expected one sheet, found " + sheets.size());
        }
        TableSheet sheet = sheets.get(0);
        DecisionTableLayout layout = DecisionTableLayout.of(sheet);
        if (layout.blocks().isEmpty()) {
            throw new IllegalArgumentException(table + ": no RuleTable found");
        }
        String tableName = table.getFileName().toString().replaceFirst("(?i)\\.drl\\.(csv|xlsx?)$", "");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            write(wb, tableName, layout);
            Path dir = out.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".workbook-", ".tmp");
            try {
                try (OutputStream os = Files.newOutputStream(tmp)) {
                    wb.write(os);
                }
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write workbook " + out + ": " + e.getMessage(), e);
        }
    }

    private static void write(XSSFWorkbook wb, String tableName, DecisionTableLayout layout) {
        Block firstBlock = layout.blocks().get(0);
        int widest = 0;
        for (Block block : layout.blocks()) {
            widest = Math.max(widest, block.columns().stream().mapToInt(c -> split(c).size()).sum());
        }
        String sheetName = firstBlock.name().isEmpty() ? tableName : firstBlock.name();
        Sheet sh = wb.createSheet(sheetName.length() > 31 ? sheetName.substring(0, 31) : sheetName);
        Styles st = new Styles(wb);
        int r = 0;
        // RuleSet area: RuleSet, Import, ... grouped; Notes stays visible as the sheet's description
        int firstHidden = -1;
        String notes = "";
        for (DecisionTableLayout.SettingCell s : layout.settings()) {
            if (s.keyword().equalsIgnoreCase("Notes")) {
                notes = s.value();
                continue;
            }
            Row row = sh.createRow(r);
            text(row, 0, s.keyword(), st.drools);
            text(row, 1, s.value(), st.drools);
            firstHidden = firstHidden < 0 ? r : firstHidden;
            r++;
        }
        int ruleSetEnd = r - 1;
        Row title = sh.createRow(r);
        text(title, 0, "Notes", st.title);
        text(title, 1, notes, st.notes);
        sh.addMergedRegion(new CellRangeAddress(r, r, 1, Math.max(2, widest - 1)));
        title.setHeightInPoints(Math.max(30, 15 * (1 + notes.length() / 110)));
        r++;
        if (firstHidden >= 0) {
            sh.groupRow(firstHidden, ruleSetEnd);
            sh.setRowGroupCollapsed(firstHidden, true);
        }
        int[] widths = new int[widest];
        Drawing<?> drawing = sh.createDrawingPatriarch();
        int freezeAt = -1;
        for (Block block : layout.blocks()) {
            sh.createRow(r++);
            boolean last = block == layout.blocks().get(layout.blocks().size() - 1);
            int next = block(wb, sh, st, drawing, tableName, block, r, widths, last);
            freezeAt = freezeAt < 0 ? r + 5 : freezeAt;
            r = next;
        }
        for (int i = 0; i < widest; i++) {
            sh.setColumnWidth(i, Math.min(60, Math.max(10, widths[i])) * 256);
        }
        sh.createFreezePane(1, freezeAt);
    }

    /** Writes one RuleTable block from row {@code r}; returns the row after it. */
    private static int block(XSSFWorkbook wb, Sheet sh, Styles st, Drawing<?> drawing, String tableName, Block block,
                             int r, int[] widths, boolean last) {
        List<OutColumn> columns = new ArrayList<>();
        for (Column c : block.columns()) {
            columns.addAll(split(c));
        }
        int droolsStart = r;
        Row header = sh.createRow(r++);
        text(header, 0, "RuleTable " + block.name(), st.drools);
        Row types = sh.createRow(r++);
        Row patterns = sh.createRow(r++);
        Row code = sh.createRow(r++);
        Row labels = sh.createRow(r++);
        for (int i = 0; i < columns.size(); i++) {
            OutColumn c = columns.get(i);
            text(types, i, c.type(), st.drools);
            text(patterns, i, c.pattern(), st.drools);
            text(code, i, c.template(), st.drools);
            text(labels, i, c.label(), st.header);
        }
        // conditions split from one cell constrain one pattern: merge its pattern cells, as Drools expects
        for (int i = 0; i < columns.size(); ) {
            int j = i;
            while (j + 1 < columns.size() && columns.get(j + 1).source() == columns.get(i).source()
                    && columns.get(i).source().isCondition()) {
                j++;
            }
            if (j > i) {
                for (int k = i + 1; k <= j; k++) {
                    patterns.getCell(k).setBlank();
                }
                sh.addMergedRegion(new CellRangeAddress(patterns.getRowNum(), patterns.getRowNum(), i, j));
            }
            i = j + 1;
        }
        int firstData = r;
        for (DataRow d : block.rows()) {
            Row row = sh.createRow(r++);
            for (int i = 0; i < columns.size(); i++) {
                OutColumn c = columns.get(i);
                String cell = d.cells().get(block.indexOf(c.source()));
                String v = c.part() == 0 ? cell : part(cell, c.part());
                value(row, i, v, st);
            }
        }
        int lastData = r - 1;
        for (int i = 0; i < columns.size(); i++) {
            OutColumn c = columns.get(i);
            comment(wb, drawing, labels.getCell(i), ColumnGuide.describe(tableName, c.label(), c.type(), c.template()));
            List<String> choices = choices(c);
            if (!choices.isEmpty()) {
                DataValidationHelper h = sh.getDataValidationHelper();
                DataValidation v = h.createValidation(h.createExplicitListConstraint(choices.toArray(String[]::new)),
                        new CellRangeAddressList(firstData, lastData + (last ? SPARE_ROWS : 0), i, i));
                v.setShowErrorBox(true);
                v.createErrorBox("Not a valid value", "Choose one of " + String.join(", ", choices));
                sh.addValidationData(v);
            }
            int width = c.label().length() + 4;
            for (DataRow d : block.rows()) {
                width = Math.max(width, d.cells().get(block.indexOf(c.source())).length() + 2);
            }
            widths[i] = Math.max(widths[i], width);
        }
        sh.groupRow(droolsStart, code.getRowNum());
        sh.setRowGroupCollapsed(droolsStart, true);
        labels.setHeightInPoints(30);
        return r;
    }

    /** One column per parameter: a range "x >= $1 && x < $2" becomes two, an action's $1..$n n columns. */
    static List<OutColumn> split(Column c) {
        int n = c.parameterCount();
        String label = c.label();
        if (n <= 1 || c.template().contains("$param") || !(c.isCondition() || c.isAction())) {
            return List.of(new OutColumn(c, c.type(), c.pattern(), c.template(), label, 0));
        }
        List<String> labels = ColumnGuide.splitLabel(label, n);
        List<String> templates = c.isCondition() ? splitCondition(c.template(), n) : splitAction(c.template(), n);
        List<OutColumn> out = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            out.add(new OutColumn(c, c.type(), c.pattern(), templates.get(k - 1), labels.get(k - 1), k));
        }
        return out;
    }

    /** "a == $1 && b >= $2 && b < $3": each term has one parameter; terms without one stay with the first. */
    static List<String> splitCondition(String template, int n) {
        String[] terms = template.split("&&");
        List<String> out = new ArrayList<>(java.util.Collections.nCopies(n, ""));
        for (String t : terms) {
            Matcher m = PARAM_N.matcher(t);
            int k = m.find() ? Integer.parseInt(m.group(1)) : 1;
            if (m.find()) {
                throw new IllegalArgumentException("condition term '" + t.trim() + "' takes two parameters; split it by hand");
            }
            String prev = out.get(k - 1);
            out.set(k - 1, (prev.isEmpty() ? "" : prev + " && ") + t.trim().replace("$" + k, "$param"));
        }
        if (out.contains("")) {
            throw new IllegalArgumentException("condition '" + template + "' does not use every parameter $1..$" + n);
        }
        return out;
    }

    /**
     * An action with $1..$n in order is cut after each parameter; Drools writes each column's code on its own line
     * of the consequence, so the pieces join back into the original statement.
     */
    static List<String> splitAction(String template, int n) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int k = 1; k <= n; k++) {
            String p = "$" + k;
            int at = template.indexOf(p, from);
            if (at < 0 || template.indexOf(p, at + p.length()) >= 0) {
                throw new IllegalArgumentException("action '" + template + "' must use $1..$" + n + " once each, in order");
            }
            int end = at + p.length();
            String piece = template.substring(from, at) + "$param";
            from = end;
            out.add(piece);
        }
        int last = out.size() - 1;
        out.set(last, out.get(last) + template.substring(from));
        return out;
    }

    private static String part(String cell, int k) {
        List<String> values = DecisionTableLayout.split(cell);
        return k <= values.size() ? values.get(k - 1) : "";
    }

    /**
     * The drop-down choices of a column: phases, regimes, scenarios, timings, verdicts, severities, Review cadences,
     * failure kinds, true/false ({@link CellChoices}, the lists {@code rules validate} holds cells to); none for
     * numbers and text.
     */
    static List<String> choices(OutColumn c) {
        return CellChoices.of(c.type(), c.pattern(), c.template()).map(CellChoices.Choices::values).orElse(List.of());
    }

    private static void text(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(style);
    }

    /** Numbers as numeric cells (Excel right-aligns and sums them); everything else as text. */
    private static void value(Row row, int col, String v, Styles st) {
        Cell c = row.createCell(col);
        if (v.matches("-?\\d+(\\.\\d+)?")) {
            c.setCellValue(Double.parseDouble(v));
            c.setCellStyle(v.contains(".") ? st.decimal(v) : st.integer);
        } else {
            c.setCellValue(v);
            c.setCellStyle(st.cell);
        }
    }

    private static void comment(XSSFWorkbook wb, Drawing<?> drawing, Cell cell, String text) {
        ClientAnchor anchor = wb.getCreationHelper().createClientAnchor();
        anchor.setCol1(cell.getColumnIndex());
        anchor.setCol2(cell.getColumnIndex() + 3);
        anchor.setRow1(cell.getRowIndex());
        anchor.setRow2(cell.getRowIndex() + 5);
        Comment c = drawing.createCellComment(anchor);
        c.setString(wb.getCreationHelper().createRichTextString(text));
        c.setAuthor("rebalancer");
        cell.setCellComment(c);
    }

    private static final class Styles {
        final CellStyle drools;
        final CellStyle header;
        final CellStyle title;
        final CellStyle notes;
        final CellStyle cell;
        final CellStyle integer;
        private final XSSFWorkbook wb;
        private final java.util.Map<String, CellStyle> decimals = new java.util.HashMap<>();

        Styles(XSSFWorkbook wb) {
            Font grey = wb.createFont();
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            grey.setFontHeightInPoints((short) 9);
            drools = wb.createCellStyle();
            drools.setFont(grey);
            Font bold = wb.createFont();
            bold.setBold(true);
            bold.setColor(IndexedColors.WHITE.getIndex());
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.DARK_BLUE.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setWrapText(true);
            border(header);
            Font big = wb.createFont();
            big.setBold(true);
            title = wb.createCellStyle();
            title.setFont(big);
            Font italic = wb.createFont();
            italic.setItalic(true);
            notes = wb.createCellStyle();
            notes.setFont(italic);
            notes.setWrapText(true);
            cell = wb.createCellStyle();
            border(cell);
            integer = wb.createCellStyle();
            border(integer);
            // General, not "0": Drools reads a cell as displayed, and "0" would show (and compile) 3.5 as 4
            integer.setDataFormat(wb.createDataFormat().getFormat("General"));
            this.wb = wb;
        }

        /**
         * A decimal shown as written: at least the decimals it has when it ends in 0 ("1.0" stays 1.0, which
         * Drools reads as it is displayed) or one, and up to ten in all, so a value typed later is never rounded.
         */
        CellStyle decimal(String v) {
            String decimals = v.substring(v.indexOf('.') + 1);
            int required = decimals.endsWith("0") ? decimals.length() : 1;
            String format = "0." + "0".repeat(required) + "#".repeat(Math.max(0, 10 - required));
            return this.decimals.computeIfAbsent(format, f -> {
                CellStyle s = wb.createCellStyle();
                border(s);
                s.setDataFormat(wb.createDataFormat().getFormat(f));
                return s;
            });
        }

        private static void border(CellStyle s) {
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
        }
    }
}
