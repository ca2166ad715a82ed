package io.rebalancer.rules.variant;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import io.rebalancer.rules.drools.TableSheet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the rule directory a variant or a whole grid runs on, as a copy of the shipped rules (never edited):
 * <ul>
 * <li>{@link #literal}: the variant's values written into its cells, a rule set like any other (it compiles to
 * its own model);</li>
 * <li>{@link #parameterised}: each grid cell replaced by a read of the global {@code tableValues}
 * ({@code tableValues.num(i)}, or {@code whole(i)} for a whole-number column), plus a DRL file declaring that
 * global. One compile serves every variant of the grid: a variant is this model with its
 * {@link RuleVariant#tableValues()}.</li>
 * </ul>
 * Only numeric cells of decision tables ({@code .drl.xlsx}, {@code .drl.xls} or {@code .drl.csv}) can be
 * overridden; anything else is one clear error naming the cell and what it holds.
 */
public final class VariantRules {
    /** The DRL file a parameterised rule set adds beside the tables. */
    public static final String GLOBAL_FILE = "table_values.drl";

    private VariantRules() {
    }

    /** Copies {@code rules} to {@code out} with the variant's values in its cells. */
    public static void literal(Path rules, VariantGrid grid, RuleVariant variant, Path out) {
        List<TableCell> cells = grid.cells();
        Map<TableCell, String> text = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            text.put(cells.get(i), VariantGrid.format(variant.cellValues()[i]));
        }
        write(rules, text, out, false);
    }

    /** Copies {@code rules} to {@code out} with every grid cell read from the global {@code tableValues}. */
    public static void parameterised(Path rules, VariantGrid grid, Path out) {
        Map<TableCell, String> text = new LinkedHashMap<>();
        int i = 0;
        for (GridAxis axis : grid.axes()) {
            for (TableCell c : axis.cells()) {
                boolean whole = VariantGrid.whole(axis) && isWhole(original(rules, c));
                text.put(c, "tableValues." + (whole ? "whole" : "num") + "(" + i + ")");
                i++;
            }
        }
        write(rules, text, out, true);
    }

    /** The shipped value of a cell (a number). */
    public static double shippedValue(Path rules, TableCell cell) {
        return Double.parseDouble(original(rules, cell));
    }

    private static boolean isWhole(String value) {
        double v = Double.parseDouble(value);
        return v == Math.rint(v) && !value.contains(".");
    }

    private static String original(Path rules, TableCell cell) {
        Path f = tableFile(rules, cell);
        String value;
        if (isCsv(cell)) {
            List<String> lines = lines(f);
            List<String> row = cell.row() < lines.size() ? parse(lines.get(cell.row())) : List.of();
            value = cell.column() < row.size() ? row.get(cell.column()).strip() : "";
        } else {
            List<TableSheet> sheets = TableSheet.read(f);
            TableSheet sheet = sheets.stream().filter(s -> s.name().equals(cell.sheet())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("cell " + cell + ": " + cell.file()
                            + " has no sheet '" + cell.sheet() + "' (its sheets: "
                            + String.join(", ", sheets.stream().map(TableSheet::name).toList()) + ")"));
            value = sheet.cell(cell.row(), cell.column());
        }
        try {
            Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cell " + cell + " holds '" + value + "', not a number; only numeric"
                    + " table values can be swept");
        }
        return value;
    }

    private static boolean isCsv(TableCell cell) {
        return cell.file().toLowerCase(Locale.ROOT).endsWith(".drl.csv");
    }

    private static Path tableFile(Path rules, TableCell cell) {
        String name = cell.file().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".drl.csv") || name.endsWith(".drl.xlsx") || name.endsWith(".drl.xls"))) {
            throw new IllegalArgumentException("cell " + cell + ": not a decision table (.drl.xlsx, .drl.xls or"
                    + " .drl.csv)");
        }
        if (isCsv(cell) && !TableSheet.CSV_SHEET.equals(cell.sheet())) {
            throw new IllegalArgumentException("cell " + cell + ": a CSV table has one sheet, Sheet1");
        }
        Path f = rules.resolve(cell.file()).normalize();
        if (!f.startsWith(rules.normalize()) || !Files.isRegularFile(f)) {
            throw new IllegalArgumentException("cell " + cell + ": no table " + cell.file() + " in " + rules);
        }
        return f;
    }

    private static void write(Path rules, Map<TableCell, String> values, Path out, boolean addGlobal) {
        for (TableCell c : values.keySet()) {
            original(rules, c);
        }
        try {
            io.rebalancer.rules.drools.RuleFiles.copyDirectory(rules, out);
            Map<String, List<Map.Entry<TableCell, String>>> byFile = new LinkedHashMap<>();
            values.entrySet().forEach(e -> byFile.computeIfAbsent(e.getKey().file(), k -> new ArrayList<>()).add(e));
            for (Map.Entry<String, List<Map.Entry<TableCell, String>>> f : byFile.entrySet()) {
                Path target = out.resolve(f.getKey());
                if (!isCsv(f.getValue().get(0).getKey())) {
                    writeWorkbook(target, f.getValue());
                    continue;
                }
                List<String> lines = new ArrayList<>(lines(target));
                for (Map.Entry<TableCell, String> e : f.getValue()) {
                    List<String> row = new ArrayList<>(parse(lines.get(e.getKey().row())));
                    row.set(e.getKey().column(), e.getValue());
                    lines.set(e.getKey().row(), CSVFormat.DEFAULT.format(row.toArray()));
                }
                Files.write(target, lines, StandardCharsets.UTF_8);
            }
            if (addGlobal) {
                Files.writeString(out.resolve(GLOBAL_FILE), "package io.rebalancer.rules\n\n"
                        + "// the swept table cells read their values from here (io.rebalancer.rules.variant)\n"
                        + "global io.rebalancer.rules.facts.TableValues tableValues;\n", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the variant rules to " + out + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sets cells of a workbook copy: a number as a number shown in the General format (Drools reads a cell as it is
     * displayed, so a "0" format would round 3.5 to 4), anything else (a {@code tableValues} read) as text.
     */
    private static void writeWorkbook(Path target, List<Map.Entry<TableCell, String>> cells) throws IOException {
        Workbook wb;
        try (InputStream in = Files.newInputStream(target)) {
            wb = WorkbookFactory.create(in);
        }
        try (wb) {
            Map<CellStyle, CellStyle> general = new HashMap<>();
            short generalFormat = wb.createDataFormat().getFormat("General");
            for (Map.Entry<TableCell, String> e : cells) {
                TableCell at = e.getKey();
                Sheet sheet = wb.getSheet(at.sheet());
                Row row = sheet.getRow(at.row()) == null ? sheet.createRow(at.row()) : sheet.getRow(at.row());
                Cell cell = row.getCell(at.column(), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
                String v = e.getValue();
                if (v.matches("-?\\d+(\\.\\d+)?([eE]-?\\d+)?")) {
                    cell.setCellValue(Double.parseDouble(v));
                    CellStyle style = cell.getCellStyle();
                    if (style.getDataFormat() != generalFormat) {
                        cell.setCellStyle(general.computeIfAbsent(style, s -> {
                            CellStyle g = wb.createCellStyle();
                            g.cloneStyleFrom(s);
                            g.setDataFormat(generalFormat);
                            return g;
                        }));
                    }
                } else {
                    cell.setCellValue(v);
                }
            }
            try (OutputStream os = Files.newOutputStream(target)) {
                wb.write(os);
            }
        }
    }

    private static List<String> lines(Path f) {
        try {
            return Files.readAllLines(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    private static List<String> parse(String line) {
        try (CSVParser p = CSVParser.parse(new StringReader(line), CSVFormat.DEFAULT)) {
            List<CSVRecord> records = p.getRecords();
            if (records.isEmpty()) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            records.get(0).forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
