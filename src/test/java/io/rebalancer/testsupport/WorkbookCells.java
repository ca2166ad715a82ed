package io.rebalancer.testsupport;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Edits a decision-table workbook the way an analyst does: the cell of a rule's row under a column header. */
public final class WorkbookCells {
    private WorkbookCells() {
    }

    /** Sets the cell of the row named {@code rule} under the header {@code column}; returns its address (E14). */
    public static String set(Path xlsx, String rule, String column, Object value) throws IOException {
        Workbook wb;
        try (InputStream in = Files.newInputStream(xlsx)) {
            wb = WorkbookFactory.create(in);
        }
        try (wb) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter fmt = new DataFormatter(Locale.ROOT);
            int headerCol = -1;
            Cell target = null;
            for (Row row : sheet) {
                for (Cell c : row) {
                    if (fmt.formatCellValue(c).trim().equals(column)) {
                        headerCol = c.getColumnIndex();
                    }
                }
                Cell first = row.getCell(0);
                if (headerCol >= 0 && first != null && fmt.formatCellValue(first).trim().equals(rule)) {
                    target = row.getCell(headerCol, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
                }
            }
            if (target == null) {
                throw new IllegalArgumentException(xlsx + " has no cell for rule '" + rule + "' under '" + column + "'");
            }
            if (value instanceof Number n) {
                target.setCellValue(n.doubleValue());
            } else {
                target.setCellValue(String.valueOf(value));
            }
            try (OutputStream out = Files.newOutputStream(xlsx)) {
                wb.write(out);
            }
            return target.getAddress().formatAsString();
        }
    }
}
