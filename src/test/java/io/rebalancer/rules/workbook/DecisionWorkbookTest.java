package io.rebalancer.rules.workbook;

import io.rebalancer.testsupport.ShippedRules;
import io.rebalancer.domain.Regime;
import io.rebalancer.rules.Phase;
import io.rebalancer.rules.PhaseResult;
import io.rebalancer.rules.RuleProblem;
import io.rebalancer.rules.drools.DroolsRuleEngine;
import io.rebalancer.rules.drools.RuleChanges;
import io.rebalancer.rules.drools.RuleValidator;
import io.rebalancer.rules.facts.MarketConditions;
import io.rebalancer.rules.facts.PreviousRegime;
import io.rebalancer.rules.facts.RealizedVolSignal;
import io.rebalancer.rules.facts.VixSignal;
import io.rebalancer.testsupport.WorkbookCells;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped .drl.xlsx workbooks: what an analyst sees, that Drools reads them, and edits through Apache POI. */
class DecisionWorkbookTest {
    @TempDir
    Path tmp;

    private Path copyRules() throws IOException {
        Path dir = tmp.resolve("rules");
        ShippedRules.copyTo(dir);
        return dir;
    }

    private static List<Path> shippedWorkbooks() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("rules"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".drl.xlsx")).sorted().toList();
        }
    }

    private static Workbook open(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return WorkbookFactory.create(in);
        }
    }

    /** The 0-based row of the header (the row after the Drools code row). */
    private static int headerRow(Sheet sheet) {
        DataFormatter f = new DataFormatter(Locale.ROOT);
        for (Row row : sheet) {
            Cell c = row.getCell(0);
            if (c != null && f.formatCellValue(c).equals("Rule name")) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no 'Rule name' header in " + sheet.getSheetName());
    }

    @Test
    void shippedWorkbooks_headerFrozenDroolsRowsHiddenCommentsAndOneValuePerCell() throws IOException {
        List<Path> books = shippedWorkbooks();
        assertTrue(books.size() >= 4, books.toString());
        DataFormatter f = new DataFormatter(Locale.ROOT);
        for (Path p : books) {
            try (Workbook wb = open(p)) {
                Sheet sheet = wb.getSheetAt(0);
                int header = headerRow(sheet);
                assertEquals(header + 1, sheet.getPaneInformation().getHorizontalSplitPosition(), p + " frozen below the header");
                assertEquals(1, sheet.getPaneInformation().getVerticalSplitPosition(), p + " frozen right of the names");
                for (int r = header - 4; r < header; r++) {
                    assertTrue(sheet.getRow(r).getZeroHeight(), p + " Drools row " + (r + 1) + " hidden (collapsed group)");
                    assertTrue(sheet.getRow(r).getOutlineLevel() > 0, p + " Drools row " + (r + 1) + " grouped");
                }
                Row labels = sheet.getRow(header);
                for (Cell c : labels) {
                    assertTrue(c.getCellComment() != null && c.getCellComment().getString().getString().length() > 10,
                            p + " header " + c.getAddress() + " has a comment");
                    assertTrue(c.getCellStyle().getFillPattern() != org.apache.poi.ss.usermodel.FillPatternType.NO_FILL,
                            p + " header " + c.getAddress() + " is formatted");
                }
                for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
                    if (sheet.getRow(r) == null || sheet.getRow(r).getZeroHeight()) {
                        continue; // the Drools rows of a second rule table on the sheet
                    }
                    for (Cell c : sheet.getRow(r)) {
                        if (c.getColumnIndex() > 0) {
                            assertFalse(f.formatCellValue(c).contains(","), p + " " + c.getAddress() + " holds one value: "
                                    + f.formatCellValue(c));
                        }
                    }
                }
            }
        }
    }

    @Test
    void regimeVixWorkbook_regimeColumnsHaveDropDownOfEveryRegime() throws IOException {
        try (Workbook wb = open(Path.of("rules", "regime_vix.drl.xlsx"))) {
            Sheet sheet = wb.getSheetAt(0);
            List<String> regimes = Arrays.stream(Regime.values()).map(Enum::name).toList();
            List<Integer> columns = new ArrayList<>();
            for (DataValidation v : sheet.getDataValidations()) {
                if (Arrays.asList(v.getValidationConstraint().getExplicitListValues()).equals(regimes)) {
                    for (CellRangeAddress a : v.getRegions().getCellRangeAddresses()) {
                        columns.add(a.getFirstColumn());
                    }
                }
            }
            // C "Previous regime" and F "VIX regime"
            assertEquals(List.of(2, 5), columns.stream().sorted().toList());
        }
    }

    @Test
    void shippedTables_allWorkbooks_noCsvLeft() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("rules"))) {
            List<String> csv = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".drl.csv")).toList();
            assertEquals(List.of(), csv);
        }
        assertEquals(List.of("alerts.drl.xlsx", "cost_benefit.drl.xlsx", "learning.drl.xlsx", "regime_realized_vol.drl.xlsx",
                "regime_vix.drl.xlsx", "thresholds.drl.xlsx", "timing.drl.xlsx"),
                shippedWorkbooks().stream().map(p -> p.getFileName().toString()).toList());
    }

    /** Column index -> drop-down values of the first sheet of a shipped workbook. */
    private static java.util.Map<Integer, List<String>> dropDowns(String book) throws IOException {
        java.util.Map<Integer, List<String>> out = new java.util.TreeMap<>();
        try (Workbook wb = open(Path.of("rules", book))) {
            for (DataValidation v : wb.getSheetAt(0).getDataValidations()) {
                for (CellRangeAddress a : v.getRegions().getCellRangeAddresses()) {
                    out.put(a.getFirstColumn(), Arrays.asList(v.getValidationConstraint().getExplicitListValues()));
                }
            }
        }
        return out;
    }

    @Test
    void thresholdsWorkbook_reviewDropDownIsExactlyTheCadencesTheCodeAccepts() throws IOException {
        java.util.Map<Integer, List<String>> lists = dropDowns("thresholds.drl.xlsx");
        // L (index 11) is Review; the six cadences as docs/RULES.md lists them
        assertEquals(List.of("DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "ANNUAL", "NONE"), lists.get(11));
        assertEquals(io.rebalancer.rules.facts.ReviewCalendar.CADENCES, lists.get(11));
        assertEquals(List.of("LOW_VOL", "MODERATE", "HIGH_VOL", "CRISIS"), lists.get(2), "C Regime");
        // B the phase, C the regime, L the review: the numbers have none
        assertEquals(java.util.Set.of(1, 2, 11), lists.keySet());
    }

    @Test
    void alertsWorkbook_dropDownsForVerdictRegimeBooleanFailureAndSeverity() throws IOException {
        java.util.Map<Integer, List<String>> lists = dropDowns("alerts.drl.xlsx");
        assertEquals(List.of("TRIGGERED", "STABLE"), lists.get(2), "C Verdict");
        assertEquals(List.of("LOW_VOL", "MODERATE", "HIGH_VOL", "CRISIS"), lists.get(3), "D Regime now");
        assertEquals(List.of("true", "false"), lists.get(4), "E Regime changed");
        assertEquals(List.of("EXECUTION", "BATCH"), lists.get(10), "K Failure");
        assertEquals(List.of("INFO", "WARNING", "CRITICAL"), lists.get(12), "M Severity");
        assertEquals(java.util.Set.of(1, 2, 3, 4, 10, 12), lists.keySet());
    }

    @Test
    void convertedTables_headerCommentsGiveUnits() throws IOException {
        try (Workbook wb = open(Path.of("rules", "thresholds.drl.xlsx"))) {
            Row header = wb.getSheetAt(0).getRow(headerRow(wb.getSheetAt(0)));
            assertTrue(header.getCell(3).getCellComment().getString().getString().startsWith("Percent of NAV, absolute band"));
            assertTrue(header.getCell(11).getCellComment().getString().getString().contains("DAILY, WEEKLY, MONTHLY"));
        }
        try (Workbook wb = open(Path.of("rules", "cost_benefit.drl.xlsx"))) {
            Row header = wb.getSheetAt(0).getRow(headerRow(wb.getSheetAt(0)));
            assertTrue(header.getCell(4).getCellComment().getString().getString().startsWith("Whole trading days"));
            assertTrue(header.getCell(5).getCellComment().getString().getString().startsWith("Basis points of NAV a year"));
        }
    }

    @Test
    void shippedWorkbooks_numberCells_formatsThatNeverRoundATypedValue() throws IOException {
        // Drools reads a cell as displayed: 16.5 typed into a "0" cell would compile as 17
        DataFormatter f = new DataFormatter(Locale.ROOT);
        for (Path p : shippedWorkbooks()) {
            try (Workbook wb = open(p)) {
                for (Row row : wb.getSheetAt(0)) {
                    for (Cell c : row) {
                        if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                            double typed = c.getNumericCellValue() + 0.125;
                            c.setCellValue(typed);
                            assertEquals(typed, Double.parseDouble(f.formatCellValue(c)), 1e-12,
                                    p + " " + c.getAddress() + " format " + c.getCellStyle().getDataFormatString());
                        }
                    }
                }
            }
        }
    }

    @Test
    void thresholdsWorkbook_decimalTypedIntoWholeNumberCell_readAsTyped() throws IOException {
        Path rules = copyRules();
        // an analyst types 3.5 where 10 stood: Drools reads a cell as displayed, so the format must not round it
        WorkbookCells.set(rules.resolve("thresholds.drl.xlsx"), "thresholds: MODERATE", "Critical drift (%)", 3.5);
        String drl = io.rebalancer.rules.drools.DecisionTables.toDrl(rules.resolve("thresholds.drl.xlsx"));
        assertTrue(drl.contains("criticalDriftPct(3.5)"), drl);
    }

    @Test
    void convert_csvTable_compilesToTheSameRules() throws IOException {
        Path csvDir = tmp.resolve("csv");
        Path xlsxDir = tmp.resolve("xlsx");
        Files.createDirectories(csvDir);
        Files.createDirectories(xlsxDir);
        for (String t : List.of("regime_vix", "timing", "regime_realized_vol", "adaptive_regime", "learning", "alerts",
                "cost_benefit", "thresholds")) {
            Files.copy(Path.of("src/test/resources/csv-tables", t + ".drl.csv"), csvDir.resolve(t + ".drl.csv"));
            DecisionWorkbook.convert(csvDir.resolve(t + ".drl.csv"), xlsxDir.resolve(t + ".drl.xlsx"));
        }
        assertEquals(List.of(), RuleChanges.between(xlsxDir, csvDir));
        assertEquals(RuleValidator.validate(csvDir).rules(), RuleValidator.validate(xlsxDir).rules());
    }

    @Test
    void editVixCutoffCell_withPoi_changesTheRegime() throws IOException {
        Path rules = copyRules();
        // VIX 15 after LOW_VOL: below the 16.5 cut-off it stays calm (rules/README.md, regime_vix)
        assertEquals(List.of(Regime.LOW_VOL), vixSignals(DroolsRuleEngine.load(rules), 15.0));
        WorkbookCells.set(rules.resolve("regime_vix.drl.xlsx"), "vix from LOW_VOL: stay calm", "VIX to", 14.5);
        WorkbookCells.set(rules.resolve("regime_vix.drl.xlsx"), "vix from LOW_VOL: moderate", "VIX from", 14.5);
        assertEquals(List.of(Regime.MODERATE), vixSignals(DroolsRuleEngine.load(rules), 15.0));
    }

    @Test
    void editRealisedVolCell_withPoi_changesTheSignal() throws IOException {
        Path rules = copyRules();
        Path book = rules.resolve("regime_realized_vol.drl.xlsx");
        assertEquals(List.of(Regime.LOW_VOL), realisedSignals(DroolsRuleEngine.load(rules), 0.22));
        WorkbookCells.set(book, "realised vol: no escalation", "Realised vol to", 0.20);
        WorkbookCells.set(book, "realised vol: high", "Realised vol from", 0.20);
        assertEquals(List.of(Regime.HIGH_VOL), realisedSignals(DroolsRuleEngine.load(rules), 0.22));
    }

    @Test
    void badCellInWorkbook_reportedAsFileSheetCell() throws IOException {
        Path rules = copyRules();
        // "vix from LOW_VOL: high vol" is the third rule: row 12; "VIX regime" is column F
        assertEquals("F12", WorkbookCells.set(rules.resolve("regime_vix.drl.xlsx"), "vix from LOW_VOL: high vol",
                "VIX regime", "HIGHVOL"));
        RuleValidator.Report r = RuleValidator.validate(rules);
        assertFalse(r.ok());
        assertTrue(r.errors().stream().map(RuleProblem::toString)
                .anyMatch(l -> l.startsWith("regime_vix.drl.xlsx!VIX regime!F12 ") && l.contains("HIGHVOL")), r.errors().toString());
    }

    @Test
    void gapBetweenWorkbookColumns_linted() throws IOException {
        Path rules = copyRules();
        WorkbookCells.set(rules.resolve("regime_vix.drl.xlsx"), "vix from LOW_VOL: high vol", "VIX from", 26);
        RuleValidator.Report r = RuleValidator.validate(rules);
        assertTrue(r.errors().stream().map(RuleProblem::toString).anyMatch(l -> l.startsWith(
                "regime_vix.drl.xlsx!VIX regime!D12 gap: no row covers vix from 25 to 26 for previous regime LOW_VOL")),
                r.errors().toString());
    }

    @Test
    void csvSavedWithSemicolons_errorSaysSo() throws IOException {
        Path rules = copyRules();
        Files.delete(rules.resolve("timing.drl.xlsx"));
        String csv = Files.readString(Path.of("src/test/resources/csv-tables/timing.drl.csv"));
        // what a spreadsheet in a comma-decimal locale writes: ';' between cells, no quotes needed around lists
        Files.writeString(rules.resolve("timing.drl.csv"), csv.replace("\",\"", ";").replace(",", ";").replace("\"", ""));
        RuleValidator.Report r = RuleValidator.validate(rules);
        assertFalse(r.ok());
        assertTrue(r.errors().stream().map(RuleProblem::toString)
                .anyMatch(l -> l.startsWith("timing.drl.csv!Sheet1!A1 the cells are separated by semicolons")), r.errors().toString());
    }

    /**
     * Another writer: every value and merged region copied into a workbook written by POI's streaming SXSSF writer,
     * without styles, comments, drop-downs or row groups (what a plain spreadsheet program keeps at least).
     */
    @Test
    void workbookRewrittenWithoutFormatting_stillValidatesToTheSameRules() throws IOException {
        Path rules = copyRules();
        for (Path p : shippedWorkbooks()) {
            plainCopy(p, rules.resolve(p.getFileName()));
        }
        RuleValidator.Report r = RuleValidator.validate(rules);
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(List.of(), RuleChanges.between(rules, Path.of("rules")));
    }

    /** Re-saved by LibreOffice Calc (headless) when it is installed; the test says so and passes otherwise. */
    @Test
    void workbookResavedByLibreOffice_stillValidatesToTheSameRules() throws Exception {
        String soffice = Stream.of("/usr/bin/soffice", "/usr/bin/libreoffice").filter(s -> Files.isExecutable(Path.of(s)))
                .findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(soffice != null, "LibreOffice is not installed");
        Path rules = copyRules();
        Path out = tmp.resolve("resaved");
        Files.createDirectories(out);
        for (Path p : shippedWorkbooks()) {
            Process proc = new ProcessBuilder(soffice, "-env:UserInstallation=file://" + tmp.resolve("lo-profile"),
                    "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out.toString(),
                    p.toAbsolutePath().toString()).redirectErrorStream(true).start();
            proc.getInputStream().readAllBytes();
            assertTrue(proc.waitFor(120, TimeUnit.SECONDS), "LibreOffice finished");
            String name = p.getFileName().toString();
            // LibreOffice names the output after the input minus its last extension: X.drl.xlsx -> X.drl.xlsx
            Path saved = out.resolve(name.substring(0, name.length() - ".xlsx".length()) + ".xlsx");
            assertTrue(Files.isRegularFile(saved), "LibreOffice wrote " + saved);
            Files.copy(saved, rules.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        RuleValidator.Report r = RuleValidator.validate(rules);
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(List.of(), RuleChanges.between(rules, Path.of("rules")));
    }

    @Test
    void log4jApi_routedToSlf4j_noMissingProviderError() {
        // POI logs through the Log4j API; without a provider Log4j prints "could not find a logging provider"
        assertEquals("org.apache.logging.slf4j.SLF4JLoggerContext",
                org.apache.logging.log4j.LogManager.getContext(false).getClass().getName());
    }

    private static void plainCopy(Path from, Path to) throws IOException {
        DataFormatter f = new DataFormatter(Locale.ROOT);
        try (Workbook src = open(from); SXSSFWorkbook dst = new SXSSFWorkbook()) {
            Sheet s = src.getSheetAt(0);
            Sheet d = dst.createSheet(s.getSheetName());
            java.util.Map<String, org.apache.poi.ss.usermodel.CellStyle> formats = new java.util.HashMap<>();
            for (Row row : s) {
                Row out = d.createRow(row.getRowNum());
                for (Cell c : row) {
                    Cell o = out.createCell(c.getColumnIndex());
                    if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                        o.setCellValue(c.getNumericCellValue());
                        // the number format, which every spreadsheet program keeps (1.0 stays 1.0)
                        o.setCellStyle(formats.computeIfAbsent(c.getCellStyle().getDataFormatString(), k -> {
                            org.apache.poi.ss.usermodel.CellStyle st = dst.createCellStyle();
                            st.setDataFormat(dst.createDataFormat().getFormat(k));
                            return st;
                        }));
                    } else {
                        o.setCellValue(f.formatCellValue(c));
                    }
                }
            }
            for (CellRangeAddress m : s.getMergedRegions()) {
                d.addMergedRegion(m);
            }
            try (OutputStream os = Files.newOutputStream(to)) {
                dst.write(os);
            }
            dst.dispose();
        }
    }

    private static List<Regime> vixSignals(DroolsRuleEngine engine, double vix) {
        PhaseResult r = engine.fire(Phase.MONITOR, List.of(new PreviousRegime(Regime.LOW_VOL),
                new MarketConditions(vix, 0.10, 0, 0.5)));
        return r.conclusions().stream().filter(VixSignal.class::isInstance).map(o -> ((VixSignal) o).regime()).toList();
    }

    private static List<Regime> realisedSignals(DroolsRuleEngine engine, double vol) {
        PhaseResult r = engine.fire(Phase.MONITOR, List.of(new PreviousRegime(Regime.LOW_VOL),
                new MarketConditions(12, vol, 0, 0.5)));
        return r.conclusions().stream().filter(RealizedVolSignal.class::isInstance)
                .map(o -> ((RealizedVolSignal) o).regime()).toList();
    }
}
