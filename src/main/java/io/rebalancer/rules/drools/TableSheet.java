package io.rebalancer.rules.drools;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.parser.csv.CsvLineParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cells of one sheet of a decision table as text, addressed the way a spreadsheet addresses them (column
 * letter, 1-based row). A CSV table is one sheet called {@code Sheet1}, its rows the file's lines.
 */
public record TableSheet(String name, List<List<String>> rows, Map<String, String> formulas) {
    public static final String CSV_SHEET = "Sheet1";

    /** {@code formulas}: the cells holding one, by address ({@code A10}), with the formula; {@code rows} shows its text. */
    public TableSheet {
        rows = rows.stream().map(List::copyOf).toList();
        formulas = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(formulas));
    }

    public TableSheet(String name, List<List<String>> rows) {
        this(name, rows, Map.of());
    }

    /** Every sheet of a table file (.drl.csv, .drl.xls, .drl.xlsx). */
    public static List<TableSheet> read(Path file) {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (lower.endsWith(".csv")) {
                List<List<String>> rows = new ArrayList<>();
                CsvLineParser parser = new CsvLineParser();
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    rows.add(parser.parse(line));
                }
                return List.of(new TableSheet(CSV_SHEET, rows));
            }
            List<TableSheet> sheets = new ArrayList<>();
            try (InputStream in = Files.newInputStream(file); Workbook wb = WorkbookFactory.create(in)) {
                DataFormatter fmt = new DataFormatter(Locale.ROOT);
                for (Sheet sheet : wb) {
                    List<List<String>> rows = new ArrayList<>();
                    Map<String, String> formulas = new java.util.LinkedHashMap<>();
                    for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                        Row row = sheet.getRow(r);
                        List<String> cells = new ArrayList<>();
                        if (row != null) {
                            for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                                Cell cell = row.getCell(c);
                                cells.add(cell == null ? "" : fmt.formatCellValue(cell));
                                if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA) {
                                    formulas.put(new org.apache.poi.ss.util.CellReference(r, c).formatAsString(false),
                                            cell.getCellFormula());
                                }
                            }
                        }
                        rows.add(cells);
                    }
                    sheets.add(new TableSheet(sheet.getSheetName(), rows, formulas));
                }
            }
            return sheets;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read decision table " + file + ": " + e.getMessage(), e);
        }
    }

    /** The text of a cell, "" when absent; row and column are 0-based. */
    public String cell(int row, int col) {
        if (row < 0 || row >= rows.size()) {
            return "";
        }
        List<String> r = rows.get(row);
        return col < 0 || col >= r.size() || r.get(col) == null ? "" : r.get(col).trim();
    }

    public int width(int row) {
        return row < 0 || row >= rows.size() ? 0 : rows.get(row).size();
    }

    /** Spreadsheet address of a 0-based cell: {@code D12}. */
    public static String address(int row, int col) {
        return columnLetter(col) + (row + 1);
    }

    public static String columnLetter(int col) {
        StringBuilder sb = new StringBuilder();
        int c = col + 1;
        while (c > 0) {
            int rem = (c - 1) % 26;
            sb.insert(0, (char) ('A' + rem));
            c = (c - 1) / 26;
        }
        return sb.toString();
    }

    /** {@code Sheet1!D12}: the location a {@link io.rebalancer.rules.RuleProblem} gives for a cell. */
    public String location(int row, int col) {
        return name + "!" + address(row, col);
    }
}
