package io.rebalancer.rules.variant;

import io.rebalancer.rules.drools.DecisionTables;
import io.rebalancer.rules.drools.TableSheet;
import io.rebalancer.testsupport.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VariantGridTest {
    static final Path RULES = Path.of("rules");

    @Test
    void parse_spreadsheetAddress_zeroBasedRowAndColumn() {
        TableCell c = TableCell.parse("thresholds.drl.csv!Sheet1!D10");
        assertEquals(9, c.row());
        assertEquals(3, c.column());
        assertEquals("thresholds.drl.csv!Sheet1!D10", c.toString());
        assertEquals(26, TableCell.parse("a.drl.csv!Sheet1!AA1").column());
    }

    @Test
    void variants_twoByThree_sixInLastAxisFastestOrder() {
        VariantGrid g = new VariantGrid(List.of(
                new GridAxis("a", List.of(TableCell.parse("t.drl.csv!Sheet1!D10")), List.of(1.0, 2.0)),
                new GridAxis("b", List.of(TableCell.parse("t.drl.csv!Sheet1!E10"), TableCell.parse("t.drl.csv!Sheet1!E11")),
                        List.of(10.0, 20.0, 30.0))));
        List<RuleVariant> v = g.variants();
        assertEquals(6, v.size());
        assertEquals("v004", v.get(4).id());
        // index 4 = a[1], b[1]: worked out by hand from the last-axis-fastest order
        assertEquals("a=2, b=20", v.get(4).label());
        assertEquals(List.of(2.0, 20.0, 20.0), java.util.Arrays.stream(v.get(4).cellValues()).boxed().toList());
    }

    /** The shipped thresholds workbook's cells as text (the way Drools reads them), row by row. */
    private static List<List<String>> cells(Path xlsx) {
        TableSheet sheet = TableSheet.read(xlsx).get(0);
        assertEquals(SHEET, sheet.name());
        List<List<String>> out = new ArrayList<>();
        for (int r = 0; r < sheet.rows().size(); r++) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < sheet.width(r); c++) {
                row.add(sheet.cell(r, c));
            }
            out.add(row);
        }
        return out;
    }

    static final String SHEET = "Regime thresholds";

    @Test
    void literal_oneWorkbookCell_onlyThatCellChangesAndCompiles(@TempDir Path tmp) throws Exception {
        VariantGrid g = new VariantGrid(List.of(new GridAxis("crit",
                List.of(TableCell.parse("thresholds.drl.xlsx!Regime thresholds!D10")), List.of(2.5))));
        VariantRules.literal(RULES, g, g.variants().get(0), tmp);
        List<List<String>> before = cells(RULES.resolve("thresholds.drl.xlsx"));
        List<List<String>> after = cells(tmp.resolve("thresholds.drl.xlsx"));
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            List<String> expected = new ArrayList<>(before.get(i));
            if (i == 9) {
                // D10: the LOW_VOL critical drift, 20 as shipped
                assertEquals(List.of("thresholds: LOW_VOL", "20"), List.of(expected.get(0), expected.get(3)));
                expected.set(3, "2.5");
            }
            assertEquals(expected, after.get(i), "row " + (i + 1));
        }
        assertTrue(DecisionTables.toDrl(tmp.resolve("thresholds.drl.xlsx")).contains("criticalDriftPct(2.5)"));
        assertEquals(Files.readString(RULES.resolve("monitor.drl")), Files.readString(tmp.resolve("monitor.drl")));
    }

    @Test
    void literal_oneCsvCell_onlyThatLineChanges(@TempDir Path tmp) throws Exception {
        // a CSV table (the one shipped before the workbook) still sweeps
        Path rules = tmp.resolve("rules");
        ShippedRules.replaceTable(ShippedRules.copyTo(rules), Path.of("src/test/resources/csv-tables/thresholds.drl.csv"));
        Path out = tmp.resolve("out");
        VariantGrid g = new VariantGrid(List.of(new GridAxis("crit",
                List.of(TableCell.parse("thresholds.drl.csv!Sheet1!D10")), List.of(2.5))));
        VariantRules.literal(rules, g, g.variants().get(0), out);
        List<String> before = Files.readAllLines(rules.resolve("thresholds.drl.csv"));
        List<String> after = Files.readAllLines(out.resolve("thresholds.drl.csv"));
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            if (i == 9) {
                assertEquals(before.get(i).replaceFirst("^(thresholds: LOW_VOL,monitor,LOW_VOL,)[^,]*,", "$12.5,"), after.get(i));
            } else {
                assertEquals(before.get(i), after.get(i), "line " + (i + 1));
            }
        }
    }

    @Test
    void parameterised_wholeNumberColumn_readsWholeAndDeclaresGlobal(@TempDir Path tmp) throws Exception {
        VariantGrid g = new VariantGrid(List.of(
                new GridAxis("crit", List.of(TableCell.parse("thresholds.drl.xlsx!Regime thresholds!D10")), List.of(2.5, 3.0)),
                new GridAxis("cooldown", List.of(TableCell.parse("thresholds.drl.xlsx!Regime thresholds!K10")),
                        List.of(1.0, 5.0))));
        VariantRules.parameterised(RULES, g, tmp);
        List<String> row = cells(tmp.resolve("thresholds.drl.xlsx")).get(9);
        assertEquals(List.of("thresholds: LOW_VOL", "tableValues.num(0)", "tableValues.whole(1)"),
                List.of(row.get(0), row.get(3), row.get(10)));
        assertTrue(Files.readString(tmp.resolve(VariantRules.GLOBAL_FILE)).contains("global io.rebalancer.rules.facts.TableValues tableValues;"));
    }

    @Test
    void parameterised_textCell_clearError(@TempDir Path tmp) {
        VariantGrid g = new VariantGrid(List.of(new GridAxis("review",
                List.of(TableCell.parse("thresholds.drl.xlsx!Regime thresholds!L10")), List.of(1.0))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VariantRules.parameterised(RULES, g, tmp));
        assertEquals("cell thresholds.drl.xlsx!Regime thresholds!L10 holds 'ANNUAL', not a number; only numeric table"
                + " values can be swept", e.getMessage());
    }

    @Test
    void literal_unknownSheet_errorNamesTheSheets(@TempDir Path tmp) {
        VariantGrid g = new VariantGrid(List.of(new GridAxis("crit",
                List.of(TableCell.parse("thresholds.drl.xlsx!Sheet1!D10")), List.of(2.5))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VariantRules.literal(RULES, g, g.variants().get(0), tmp));
        assertEquals("cell thresholds.drl.xlsx!Sheet1!D10: thresholds.drl.xlsx has no sheet 'Sheet1' (its sheets:"
                + " Regime thresholds)", e.getMessage());
    }
}
