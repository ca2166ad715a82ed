package io.rebalancer.rules.drools;

import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.rebalancer.rules.RuleProblem;
import io.rebalancer.rules.RuleSetException;

/** Compiles a decision table (.drl.csv, .drl.xls, .drl.xlsx) to the DRL text Drools would build from it. */
public final class DecisionTables {
    private DecisionTables() {
    }

    /**
     * The DRL of a table for {@code rules dump-drl}; a table Drools cannot parse throws {@link RuleSetException}
     * naming the file and, when the message gives one, the cell.
     */
    public static String dump(Path table) {
        String file = table.getFileName().toString();
        java.util.Optional<RuleProblem> delimiter = delimiterProblem(table, file);
        if (delimiter.isPresent()) {
            throw new RuleSetException(List.of(delimiter.get()));
        }
        try {
            return toDrl(table);
        } catch (org.drools.template.parser.DecisionTableParseException e) {
            throw new RuleSetException(List.of(RuleProblem.error(file, DrlCompiler.parseExceptionCell(e.getMessage(),
                    DrlCompiler.firstSheet(table)),
                    e.getMessage())));
        } catch (UncheckedIOException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RuleSetException(List.of(RuleProblem.error(file, "", "cannot compile the decision table: "
                    + e.getMessage())));
        }
    }

    /**
     * A CSV table whose cells are separated by semicolons, as a spreadsheet writes CSV in a locale with a decimal
     * comma: Drools would read each line as one cell, so say so at the first such line instead.
     */
    public static java.util.Optional<RuleProblem> delimiterProblem(Path table, String file) {
        if (!table.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return java.util.Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(table, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String first = line.split(",", 2)[0];
            if (first.contains(";")) {
                return java.util.Optional.of(RuleProblem.error(file, TableSheet.CSV_SHEET + "!A" + (i + 1),
                        "the cells are separated by semicolons (';'), as a spreadsheet saves CSV in a locale with a"
                                + " decimal comma; Drools reads CSV tables separated by commas with a decimal point:"
                                + " save it as CSV with ',' separators, or keep it as a .drl.xlsx workbook"
                                + " (rules workbook converts a CSV)"));
            }
            return java.util.Optional.empty();
        }
        return java.util.Optional.empty();
    }

    /**
     * The DRL of every table of {@code files}, in their order, or null when one of them has a delimiter problem or
     * does not convert (the build then reports it, by cell).
     */
    static java.util.Map<Path, String> toDrl(RuleFiles files) {
        java.util.Map<Path, String> drl = new java.util.LinkedHashMap<>();
        for (Path table : files.tables()) {
            if (delimiterProblem(table, files.relative(table)).isPresent()) {
                return null;
            }
            try {
                drl.put(table, toDrl(table));
            } catch (RuntimeException e) {
                return null;
            }
        }
        return drl;
    }

    public static String toDrl(Path table) {
        String name = table.getFileName().toString().toLowerCase(Locale.ROOT);
        try (InputStream in = Files.newInputStream(table)) {
            SpreadsheetCompiler compiler = new SpreadsheetCompiler();
            if (name.endsWith(".csv")) {
                return compiler.compile(in, InputType.CSV);
            }
            return compiler.compile(withMergedCellsPresent(in), InputType.XLS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read decision table " + table, e);
        }
    }

    /**
     * The workbook with a (blank) cell at every position of every merged region. Drools reads a merged pattern
     * cell (one object type over several condition columns) only at the positions where the file has a cell, and
     * some programs (openpyxl, for one) save a merged region's covered cells not at all when they are empty; the
     * condition below such a position then leaves its pattern and the table no longer compiles.
     */
    private static InputStream withMergedCellsPresent(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        try (org.apache.poi.ss.usermodel.Workbook wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(
                new java.io.ByteArrayInputStream(bytes))) {
            boolean added = false;
            for (org.apache.poi.ss.usermodel.Sheet sheet : wb) {
                for (org.apache.poi.ss.util.CellRangeAddress region : sheet.getMergedRegions()) {
                    for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
                        org.apache.poi.ss.usermodel.Row row = sheet.getRow(r) != null ? sheet.getRow(r) : sheet.createRow(r);
                        for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
                            if (row.getCell(c) == null) {
                                row.createCell(c, org.apache.poi.ss.usermodel.CellType.BLANK);
                                added = true;
                            }
                        }
                    }
                }
            }
            if (!added) {
                return new java.io.ByteArrayInputStream(bytes);
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            wb.write(out);
            return new java.io.ByteArrayInputStream(out.toByteArray());
        }
    }
}
