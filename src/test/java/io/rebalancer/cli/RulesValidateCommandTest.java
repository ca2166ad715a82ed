package io.rebalancer.cli;

import io.rebalancer.rules.drools.RuleCacheLocation;
import io.rebalancer.testsupport.ShippedRules;
import io.rebalancer.testsupport.WorkbookCells;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code rules validate} and {@code rules dump-drl} on copies of the shipped rules broken one way each. */
class RulesValidateCommandTest {
    @TempDir
    Path tmp;

    /** Exit code and captured output of Main.execute. */
    record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Run execute(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private Path copyRules() throws IOException {
        Path dir = tmp.resolve("rules");
        ShippedRules.copyTo(dir);
        return dir;
    }

    /**
     * A copy of the shipped rules with one table as the CSV it was before it became a workbook
     * (src/test/resources/csv-tables), so the CSV reading and linting stay tested.
     */
    private Path copyRulesWithCsv(String table) throws IOException {
        Path dir = copyRules();
        ShippedRules.replaceTable(dir, Path.of("src/test/resources/csv-tables", table + ".drl.csv"));
        return dir;
    }

    /** The shipped rule files whose name ends with {@code suffix}, counted from the rules directory itself. */
    private static long shippedRuleFiles(String suffix) {
        try (var files = Files.list(Path.of("rules"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), "test setup: " + file + " lacks " + from);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
    }

    @Test
    void validate_shippedRulesNoCache_exitsZeroWithOneLineSummary() {
        Run r = execute("rules", "validate", "--no-cache");
        assertEquals(ExitCodes.OK, r.code(), r.all());
        assertEquals(1, r.out().strip().lines().count(), r.out());
        long drl = shippedRuleFiles(".drl");
        long tables = shippedRuleFiles(".drl.csv") + shippedRuleFiles(".drl.xlsx");
        assertTrue(r.out().matches("(?s)rules OK: " + (drl + tables) + " files \\(" + drl + " DRL, " + tables
                + " tables\\), \\d+ rules, hash [0-9a-f]{12}, 0 warnings\\s*"), r.out());
    }

    @Test
    void validate_rulesBuiltBefore_reusesTheBuildButNotForAnEditedCopy() throws IOException {
        io.rebalancer.rules.drools.DroolsRuleEngine.load(Path.of("rules"), RuleCacheLocation.resolve(false));
        Run cached = execute("rules", "validate");
        assertEquals(ExitCodes.OK, cached.code(), cached.all());
        assertTrue(cached.out().strip().endsWith("0 warnings (compiled build reused from the rule cache)"), cached.out());

        Path rules = copyRules();
        // unique edits, so no earlier test run stamped them; adaptive.drl calls no function of another file. The
        // first validate stamps the ten unchanged files whatever the cache held before (a build it reused, as from
        // `mvn package`, stamps nothing); the second then compiles only the second edit
        Files.writeString(rules.resolve("adaptive.drl"), "\n// edited " + System.nanoTime() + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        Run first = execute("rules", "validate", "--rules", rules.toString());
        assertEquals(ExitCodes.OK, first.code(), first.all());
        Files.writeString(rules.resolve("adaptive.drl"), "// edited again " + System.nanoTime() + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        Run edited = execute("rules", "validate", "--rules", rules.toString());
        assertEquals(ExitCodes.OK, edited.code(), edited.all());
        assertTrue(!edited.out().contains("reused from the rule cache"), edited.out());
        // the other ten files compiled clean above as they are; only the edited file compiles again
        assertTrue(edited.out().strip().endsWith("0 warnings (compiled 1 changed file; the others compiled clean"
                + " before as they are)"), edited.out());
    }

    @Test
    void compile_newRuleSet_compilesOnceThenFindsItCached() throws IOException {
        Path rules = copyRules();
        Files.writeString(rules.resolve("monitor.drl"), "\n// compile test " + System.nanoTime() + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        Run first = execute("rules", "compile", "--rules", rules.toString());
        assertEquals(ExitCodes.OK, first.code(), first.all());
        assertTrue(first.out().startsWith(rules + " compiled: hash "), first.out());
        Run second = execute("rules", "compile", "--rules", rules.toString());
        assertEquals(ExitCodes.OK, second.code(), second.all());
        assertTrue(second.out().startsWith(rules + " already compiled: hash "), second.out());
        Run validate = execute("rules", "validate", "--rules", rules.toString());
        assertTrue(validate.out().strip().endsWith("(compiled build reused from the rule cache)"), validate.out());
    }

    @Test
    void validate_afterACompileAndAnEdit_compilesOnlyTheEditedFile() throws IOException {
        Path rules = copyRules();
        // a rule set no earlier run built: `rules compile` builds it fresh, and a fresh clean build stamps its files
        Files.writeString(rules.resolve("monitor.drl"), "\n// compile-then-edit " + System.nanoTime() + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        Run compiled = execute("rules", "compile", "--rules", rules.toString());
        assertEquals(ExitCodes.OK, compiled.code(), compiled.all());
        assertTrue(compiled.out().startsWith(rules + " compiled: hash "), compiled.out());
        Files.writeString(rules.resolve("adaptive.drl"), "\n// then edited " + System.nanoTime() + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        Run validated = execute("rules", "validate", "--rules", rules.toString());
        assertEquals(ExitCodes.OK, validated.code(), validated.all());
        // before, only validate stamped: the compiled monitor.drl counted as changed too ("compiled 2 changed files")
        assertTrue(validated.out().strip().endsWith("0 warnings (compiled 1 changed file; the others compiled clean"
                + " before as they are)"), validated.out());
    }

    @Test
    void compile_ruleCallingSystemExit_failsLikeValidate() throws IOException {
        Path rules = copyRules();
        replace(rules.resolve("monitor.drl"), "then\n", "then\n    System.exit(3);\n");
        Run r = execute("rules", "compile", "--rules", rules.toString());
        assertEquals(ExitCodes.RULES, r.code(), r.all());
        assertTrue(r.err().contains("monitor.drl:"), r.err());
    }

    @Test
    void validate_drlSyntaxError_reportsFileAndLine() throws IOException {
        Path rules = copyRules();
        // line 12 loses its closing parenthesis; the parser stops at the next line's first token
        replace(rules.resolve("decide.drl"), "$r : Recommendation($t : type)", "$r : Recommendation($t : type");
        Run r = execute("rules", "validate", "--rules", rules.toString());
        assertEquals(ExitCodes.RULES, r.code());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("decide.drl:13:4 ")), r.all());
    }

    @Test
    void validate_badTableCell_reportsSheetAndCell() throws IOException {
        Path rules = copyRulesWithCsv("regime_vix");
        replace(rules.resolve("regime_vix.drl.csv"), "LOW_VOL,\"25,35\",HIGH_VOL", "LOW_VOL,\"25,35\",HIGHVOL");
        Run r = execute("rules", "validate", "--rules", rules.toString());
        assertEquals(ExitCodes.RULES, r.code());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("regime_vix.drl.csv!Sheet1!E12 ") && l.contains("HIGHVOL")),
                r.all());
    }

    @Test
    void validate_badNumberInRangeCell_reportsConditionCell() throws IOException {
        Path rules = copyRulesWithCsv("regime_vix");
        replace(rules.resolve("regime_vix.drl.csv"), "LOW_VOL,\"16.5,25\"", "LOW_VOL,\"16.5,2x5\"");
        Run r = execute("rules", "validate", "--rules", rules.toString());
        assertEquals(ExitCodes.RULES, r.code());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("regime_vix.drl.csv!Sheet1!D11 ") && l.contains("x5")),
                r.all());
    }

    @Test
    void validate_percentSignAfterANumber_reportsThatCell() throws IOException {
        Path rules = copyRulesWithCsv("thresholds");
        // row 11 of the CSV, 'thresholds: MODERATE': High drift (%) is column G
        replace(rules.resolve("thresholds.drl.csv"), "thresholds: MODERATE,monitor,MODERATE,10,100,100,2.5,",
                "thresholds: MODERATE,monitor,MODERATE,10,100,100,2.5%,");
        Run r = execute("rules", "validate", "--rules", rules.toString());
        assertEquals(ExitCodes.RULES, r.code());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("thresholds.drl.csv!Sheet1!G11 ") && l.contains("%")),
                r.all());
    }

    @Test
    void validate_misspeltConstantInACondition_everyLineNamesItsCell() throws IOException {
        Path rules = copyRulesWithCsv("thresholds");
        replace(rules.resolve("thresholds.drl.csv"), "thresholds: MODERATE,monitor,MODERATE,",
                "thresholds: MODERATE,monitor,MODERAT,");
        Run r = execute("rules", "validate", "--rules", rules.toString());
        assertEquals(ExitCodes.RULES, r.code());
        // Drools' expression analyser gives no line; the message quotes the cell's value, which only C11 holds
        assertTrue(r.err().lines().noneMatch(l -> l.contains("(RuleSet header)")), r.all());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("thresholds.drl.csv!Sheet1!C11 ") && l.contains("MODERAT")),
                r.all());
    }

    @Test
    void validate_tooFewValuesInActionCell_reportsActionCell() throws IOException {
        Path rules = copyRulesWithCsv("timing");
        replace(rules.resolve("timing.drl.csv"), "\"IMMEDIATE,1,0\"", "\"IMMEDIATE,1\"");
        Run r = execute("rules", "validate", "--rules", rules.toString());
        assertEquals(ExitCodes.RULES, r.code());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("timing.drl.csv!Sheet1!E11 ") && l.contains("$3")),
                r.all());
    }

    @Test
    void validate_misnamedSpreadsheet_errorNamesIt() throws IOException {
        Path rules = copyRules();
        Files.copy(Path.of("src/test/resources/csv-tables/cost_benefit.drl.csv"), rules.resolve("weights.csv"));
        Run r = execute("rules", "validate", "--rules", rules.toString());
        assertEquals(ExitCodes.RULES, r.code());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("weights.csv ") && l.contains(".drl.csv")), r.all());
    }

    @Test
    void validate_overlappingVixRanges_reportsOverlapAtSecondRow() throws IOException {
        Path rules = copyRulesWithCsv("regime_vix");
        replace(rules.resolve("regime_vix.drl.csv"), "LOW_VOL,\"25,35\"", "LOW_VOL,\"24,35\"");
        Run r = execute("rules", "validate", "--rules", rules.toString());
        assertEquals(ExitCodes.RULES, r.code());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("regime_vix.drl.csv!Sheet1!D12 overlap: rows 11 and 12 both match vix = 24 for previous regime LOW_VOL")),
                r.all());
    }

    @Test
    void validate_gapInVixRanges_reportsGap() throws IOException {
        Path rules = copyRulesWithCsv("regime_vix");
        replace(rules.resolve("regime_vix.drl.csv"), "LOW_VOL,\"25,35\"", "LOW_VOL,\"26,35\"");
        Run r = execute("rules", "validate", "--rules", rules.toString());
        assertEquals(ExitCodes.RULES, r.code());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("regime_vix.drl.csv!Sheet1!D12 gap: no row covers vix from 25 to 26 for previous regime LOW_VOL")),
                r.all());
    }

    @Test
    void validate_gapInTimingTurnover_reportsGapInsideMultiParameterCell() throws IOException {
        Path rules = copyRulesWithCsv("timing");
        replace(rules.resolve("timing.drl.csv"), "\"false,0.05,100\"", "\"false,0.06,100\"");
        Run r = execute("rules", "validate", "--rules", rules.toString());
        assertEquals(ExitCodes.RULES, r.code());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("timing.drl.csv!Sheet1!D16 gap: no row covers turnover from 0.05 to 0.06 for regime HIGH_VOL, deferred false")),
                r.all());
    }

    @Test
    void validate_costBenefitWithoutCrisis_reportsMissingRegime() throws IOException {
        Path rules = copyRulesWithCsv("cost_benefit");
        replace(rules.resolve("cost_benefit.drl.csv"), "cost-benefit: CRISIS,monitor,CRISIS,", "x,monitor,CRISIS,");
        replace(rules.resolve("cost_benefit.drl.csv"), "x,monitor,CRISIS,4,252,0\n", "");
        Run r = execute("rules", "validate", "--rules", rules.toString());
        assertEquals(ExitCodes.RULES, r.code());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("cost_benefit.drl.csv!Sheet1!C9 missing Regime CRISIS")), r.all());
    }

    @Test
    void validate_thresholdsWithoutHighVol_reportsMissingRegime() throws IOException {
        Path rules = copyRulesWithCsv("thresholds");
        String text = Files.readString(rules.resolve("thresholds.drl.csv"));
        Files.writeString(rules.resolve("thresholds.drl.csv"), text.replaceAll("(?m)^thresholds: HIGH_VOL,.*\n", ""));
        Run r = execute("rules", "validate", "--rules", rules.toString());
        assertEquals(ExitCodes.RULES, r.code());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("thresholds.drl.csv!Sheet1!C9 missing Regime HIGH_VOL")), r.all());
    }

    @Test
    void validate_misspeltReviewInWorkbook_oneErrorNamingSheetCellAndValue() throws IOException {
        Path rules = copyRules();
        String at = WorkbookCells.set(rules.resolve("thresholds.drl.xlsx"), "thresholds: MODERATE", "Review", "ANUAL");
        // Review is the 12th column (L: name, phase, regime, then eight numbers); the MODERATE row is the second data
        // row, under the header on row 9
        assertEquals("L11", at);
        Run r = execute("rules", "validate", "--rules", rules.toString());
        assertEquals(ExitCodes.RULES, r.code(), r.all());
        List<String> lines = r.err().lines().filter(l -> l.contains("ANUAL")).toList();
        assertEquals(1, lines.size(), r.all());
        assertTrue(lines.get(0).startsWith("thresholds.drl.xlsx!Regime thresholds!L11 'ANUAL' is not a Review cadence;"),
                r.all());
        assertTrue(lines.get(0).contains("DAILY, WEEKLY, MONTHLY, QUARTERLY, ANNUAL, NONE"), lines.get(0));
    }

    @Test
    void validate_misspeltReviewInCsv_errorNamesSheet1Cell() throws IOException {
        Path rules = copyRulesWithCsv("thresholds");
        replace(rules.resolve("thresholds.drl.csv"), "thresholds: MODERATE,monitor,MODERATE,10,100,100,2.5,1.5,2,20,3,ANNUAL",
                "thresholds: MODERATE,monitor,MODERATE,10,100,100,2.5,1.5,2,20,3,Annual");
        Run r = execute("rules", "validate", "--rules", rules.toString());
        assertEquals(ExitCodes.RULES, r.code(), r.all());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("thresholds.drl.csv!Sheet1!L11 'Annual' is not a Review cadence")),
                r.all());
    }

    @Test
    void validate_misspeltPhaseInAlertsWorkbook_errorNamesCell() throws IOException {
        Path rules = copyRules();
        String at = WorkbookCells.set(rules.resolve("alerts.drl.xlsx"), "alert: batch failed", "Phase", "alerts");
        // the ninth alert row, under the header on row 9: B18
        assertEquals("B18", at);
        Run r = execute("rules", "validate", "--rules", rules.toString());
        assertEquals(ExitCodes.RULES, r.code(), r.all());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("alerts.drl.xlsx!Alerts!B18 'alerts' is not a phase")), r.all());
    }

    @Test
    void validate_emptyRangeRow_warnsUnreachableAndExitsZero() throws IOException {
        Path rules = copyRulesWithCsv("regime_realized_vol");
        replace(rules.resolve("regime_realized_vol.drl.csv"), "realised vol: crisis,monitor,\"0.40,100\",CRISIS",
                "realised vol: crisis,monitor,\"0.40,100\",CRISIS\nrealised vol: never,monitor,\"0.5,0.5\",CRISIS");
        Run r = execute("rules", "validate", "--rules", rules.toString());
        assertEquals(ExitCodes.OK, r.code(), r.all());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("regime_realized_vol.drl.csv!Sheet1!C13 warning: row 13 can never fire")),
                r.all());
        assertTrue(r.out().contains("1 warning"), r.out());
    }

    @Test
    void validate_systemExitInRule_securityErrorWithLine() throws IOException {
        Path rules = copyRules();
        replace(rules.resolve("adaptive.drl"), "    insert(new ThresholdChange(\"LEARNED_RAISE\"",
                "    System.exit(1); insert(new ThresholdChange(\"LEARNED_RAISE\"");
        Run r = execute("rules", "validate", "--rules", rules.toString());
        assertEquals(ExitCodes.RULES, r.code());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("adaptive.drl:19:5 security:") && l.contains("System")), r.all());
    }

    @Test
    void validate_fileReadInTableAction_securityErrorWithCell() throws IOException {
        Path rules = copyRulesWithCsv("thresholds");
        replace(rules.resolve("thresholds.drl.csv"), "\"RegimeThresholds.Builder b", "\"java.nio.file.Files.delete(null); RegimeThresholds.Builder b");
        Run r = execute("rules", "validate", "--rules", rules.toString());
        assertEquals(ExitCodes.RULES, r.code());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("thresholds.drl.csv!Sheet1!D8 security:")), r.all());
    }

    @Test
    void validate_duplicateRuleNameAcrossFiles_reportsSecondDefinition() throws IOException {
        Path rules = copyRules();
        Files.writeString(rules.resolve("extra.drl"), "package io.rebalancer.rules.extra\n\nrule \"cost-benefit: CRISIS\"\nwhen\nthen\nend\n");
        Run r = execute("rules", "validate", "--rules", rules.toString());
        assertEquals(ExitCodes.RULES, r.code());
        assertTrue(r.err().lines().anyMatch(l -> l.contains("rule name \"cost-benefit: CRISIS\" is already used")), r.all());
    }

    @Test
    void dumpDrl_table_printsGeneratedRules() {
        Run r = execute("rules", "dump-drl", "timing.drl.xlsx");
        assertEquals(ExitCodes.OK, r.code(), r.all());
        assertTrue(r.out().contains("rule \"timing: HIGH_VOL large trade\""), r.out());
        // the workbook's Deferred / Turnover from / Turnover to columns constrain one pattern
        assertTrue(r.out().contains("c : ScenarioChosen(deferred == false, turnover >= 0.05, turnover < 100)"), r.out());
    }

    @Test
    void dumpDrl_drlFile_oneErrorLine() {
        Run r = execute("rules", "dump-drl", "rules/monitor.drl");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("not a decision table"), r.err());
    }
}
