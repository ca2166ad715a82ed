package io.rebalancer.rules.workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The unit and meaning of the columns of the shipped decision tables, written as a comment on each header cell of
 * a workbook, and the labels of the columns a comma list is split into. A column not listed here gets a comment
 * naming its Drools code, so every header has one.
 */
final class ColumnGuide {
    private ColumnGuide() {
    }

    /** Comments by header label (lower case); the same label means the same thing in every table. */
    private static final Map<String, String> BY_LABEL = Map.ofEntries(
            Map.entry("rule name", "Text. The rule's name: unique across the rule set; explanations and rules diff"
                    + " quote it."),
            Map.entry("phase", "The agenda group the rule fires in: monitor, analyze or decide (pick from the list)."),
            Map.entry("previous regime", "Regime of the previous cycle (LOW_VOL, MODERATE, HIGH_VOL, CRISIS); the row"
                    + " applies only when the portfolio was in this regime."),
            Map.entry("new regime", "Regime this cycle classified (LOW_VOL, MODERATE, HIGH_VOL, CRISIS)."),
            Map.entry("regime", "Market regime of the cycle (LOW_VOL, MODERATE, HIGH_VOL, CRISIS)."),
            Map.entry("vix from", "VIX index points (the CBOE VIX close), inclusive: the row applies when VIX >= this."),
            Map.entry("vix to", "VIX index points, exclusive: the row applies when VIX < this. Leaving a regime needs"
                    + " the VIX 1.5 points past the cut-off (hysteresis)."),
            Map.entry("vix regime", "Regime the VIX suggests for this row (LOW_VOL, MODERATE, HIGH_VOL, CRISIS)."),
            Map.entry("realised vol from", "Benchmark 21-day realised volatility, annualised, as a fraction"
                    + " (0.25 = 25 %), inclusive lower bound."),
            Map.entry("realised vol to", "Annualised realised volatility as a fraction (0.40 = 40 %), exclusive upper"
                    + " bound."),
            Map.entry("realised-vol regime", "Regime the realised volatility suggests; the cycle takes the more"
                    + " severe of this and the VIX regime."),
            Map.entry("drift threshold step", "Fraction of NAV added to every drift threshold when the regime"
                    + " changes this way (0.0025 = +0.25 percentage points; negative lowers). The portfolio's"
                    + " bounds cap the result."),
            Map.entry("deferred", "true when the chosen scenario is DEFER, false for a trade (pick from the list)."),
            Map.entry("turnover from", "Turnover of the chosen scenario as a fraction of NAV (0.05 = 5 %), inclusive."),
            Map.entry("turnover to", "Turnover as a fraction of NAV, exclusive upper bound (100 = no limit)."),
            Map.entry("timing", "IMMEDIATE (one trade at the close), GRADUAL (in tranches, one a trading day) or"
                    + " DEFER (pick from the list)."),
            Map.entry("tranches", "Whole number of daily tranches a GRADUAL plan is cut into (1 for IMMEDIATE, 0 for"
                    + " DEFER)."),
            Map.entry("re-check days", "Trading days before a deferred decision is looked at again (0 when trading)."),
            Map.entry("scenario", "Rebalancing scenario: FULL, PARTIAL, SECTOR, BAND_EDGE or DEFER."),
            Map.entry("fit 0-10", "How well the scenario suits the regime, 0 (poor) to 10 (ideal); a component of the"
                    + " scenario's score."),
            Map.entry("drift weight", "Weight of drift removed in the scenario score (any scale: the score divides by"
                    + " the sum of the weights)."),
            Map.entry("cost weight", "Weight of the cost score (any scale)."),
            Map.entry("risk weight", "Weight of the post-trade risk score (any scale)."),
            Map.entry("regime fit weight", "Weight of the regime-fit score (any scale)."),
            Map.entry("cost budget", "Fraction of NAV (0.0010 = 0.10 % = 10 bp): a scenario costing this or more gets"
                    + " a cost score of 0."),
            Map.entry("drift multiplier", "Multiplier (1.0 = unchanged) of the portfolio's critical, high and medium"
                    + " drift thresholds in this regime."),
            Map.entry("var multiplier", "Multiplier of the VaR warning and critical levels (above 1 tolerates deeper"
                    + " VaR)."),
            Map.entry("turnover multiplier", "Multiplier of the turnover cap (below 1 trades less)."));

    /** The comment of a header cell. */
    static String describe(String table, String label, String type, String template) {
        String known = BY_LABEL.get(label.toLowerCase(Locale.ROOT).trim());
        if (known != null) {
            return known;
        }
        return label + " (" + type + "): the value replaces $param in the Drools code " + template
                + "; see rules/README.md, section " + table + ".";
    }

    /**
     * Labels of the n columns a list column is split into: "VIX from / to" gives "VIX from", "VIX to"; "Drift,
     * cost, risk" gives "Drift", "Cost", "Risk" (with "weight" added for the scoring weights); otherwise the label
     * numbered.
     */
    static List<String> splitLabel(String label, int n) {
        List<String> out = new ArrayList<>();
        String[] commas = label.split("\\s*,\\s*");
        if (label.matches(".*\\bfrom\\s*/\\s*to\\b.*") && n == 2) {
            String stem = label.replaceFirst("\\s*\\bfrom\\s*/\\s*to\\b.*", "").trim();
            out.add(stem + " from");
            out.add(stem + " to");
        } else if (commas.length == n) {
            for (String c : commas) {
                String s = c.trim();
                out.add(s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1));
            }
        } else {
            for (int k = 1; k <= n; k++) {
                out.add(label + " " + k);
            }
        }
        return out;
    }
}
