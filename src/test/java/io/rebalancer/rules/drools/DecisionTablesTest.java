package io.rebalancer.rules.drools;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecisionTablesTest {
    @TempDir
    Path dir;

    @Test
    void toDrl_mergedPatternCellsNotInTheFile_sameDrlAsTheWorkbookThatHasThem() throws IOException {
        Path shipped = Path.of("rules", "regime_vix.drl.xlsx");
        Path saved = dir.resolve("regime_vix.drl.xlsx");
        int removed = 0;
        // as openpyxl saves it: the cells a merged region covers, empty, are left out of the file
        try (InputStream in = Files.newInputStream(shipped); Workbook wb = WorkbookFactory.create(in)) {
            for (Sheet sheet : wb) {
                for (CellRangeAddress region : sheet.getMergedRegions()) {
                    for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
                        Row row = sheet.getRow(r);
                        for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
                            boolean topLeft = r == region.getFirstRow() && c == region.getFirstColumn();
                            if (!topLeft && row != null && row.getCell(c) != null) {
                                row.removeCell(row.getCell(c));
                                removed++;
                            }
                        }
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(saved)) {
                wb.write(out);
            }
        }
        assertTrue(removed > 0, "the shipped workbook has merged pattern cells (D7:E7 over the VIX range)");
        assertEquals(DecisionTables.toDrl(shipped), DecisionTables.toDrl(saved));
    }
}
