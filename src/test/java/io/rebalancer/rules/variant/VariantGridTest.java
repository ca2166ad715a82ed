package io.rebalancer.rules.variant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    void literal_oneCell_onlyThatLineChanges(@TempDir Path tmp) throws Exception {
        VariantGrid g = new VariantGrid(List.of(new GridAxis("crit",
                List.of(TableCell.parse("thresholds.drl.csv!Sheet1!D10")), List.of(2.5))));
        VariantRules.literal(RULES, g, g.variants().get(0), tmp);
        List<String> before = Files.readAllLines(RULES.resolve("thresholds.drl.csv"));
        List<String> after = Files.readAllLines(tmp.resolve("thresholds.drl.csv"));
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            if (i == 9) {
                assertEquals(before.get(i).replaceFirst("^(thresholds: LOW_VOL,monitor,LOW_VOL,)[^,]*,", "$12.5,"), after.get(i));
            } else {
                assertEquals(before.get(i), after.get(i), "line " + (i + 1));
            }
        }
        assertEquals(Files.readString(RULES.resolve("monitor.drl")), Files.readString(tmp.resolve("monitor.drl")));
    }

    @Test
    void parameterised_wholeNumberColumn_readsWholeAndDeclaresGlobal(@TempDir Path tmp) throws Exception {
        VariantGrid g = new VariantGrid(List.of(
                new GridAxis("crit", List.of(TableCell.parse("thresholds.drl.csv!Sheet1!D10")), List.of(2.5, 3.0)),
                new GridAxis("cooldown", List.of(TableCell.parse("thresholds.drl.csv!Sheet1!K10")), List.of(1.0, 5.0))));
        VariantRules.parameterised(RULES, g, tmp);
        String line = Files.readAllLines(tmp.resolve("thresholds.drl.csv")).get(9);
        assertTrue(line.startsWith("thresholds: LOW_VOL,monitor,LOW_VOL,tableValues.num(0),"), line);
        assertTrue(line.contains(",tableValues.whole(1),"), line);
        assertTrue(Files.readString(tmp.resolve(VariantRules.GLOBAL_FILE)).contains("global io.rebalancer.rules.facts.TableValues tableValues;"));
    }

    @Test
    void parameterised_textCell_clearError(@TempDir Path tmp) {
        VariantGrid g = new VariantGrid(List.of(new GridAxis("review",
                List.of(TableCell.parse("thresholds.drl.csv!Sheet1!L10")), List.of(1.0))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VariantRules.parameterised(RULES, g, tmp));
        assertEquals("cell thresholds.drl.csv!Sheet1!L10 holds 'ANNUAL', not a number; only numeric table values"
                + " can be swept", e.getMessage());
    }
}
