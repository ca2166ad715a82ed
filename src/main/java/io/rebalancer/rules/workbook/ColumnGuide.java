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
            Map.entry("turnover multiplier", "Multiplier of the turnover cap (below 1 trades less)."),
            // thresholds: percent of NAV unless the label says otherwise (3 = 3 %)
            Map.entry("critical drift (%)", "Percent of NAV, absolute band (10 = 10 percentage points): a position"
                    + " whose weight is further than this from target (or than its Relative band, whichever is"
                    + " tighter) is out of band and triggers on any day. Sector drift beyond it is observed only."),
            Map.entry("relative band (% of target)", "Percent of the position's target weight (100 = a band as wide"
                    + " as the target; a 3 % target then has a 3 pp band). The band is the tighter of this and"
                    + " Critical drift."),
            Map.entry("trade to (% of band)", "Percent of the band, 0-100: where BAND_EDGE trades an out-of-band"
                    + " position back to (100 = the band's edge, 50 = halfway, 0 = target)."),
            Map.entry("high drift (%)", "Percent of NAV: drift beyond this gets HIGH trade priority and an 'above"
                    + " high' observation. Capped at Critical drift."),
            Map.entry("medium drift (%)", "Percent of NAV: drift beyond this gets MEDIUM priority; on a review day"
                    + " a drift beyond it triggers the return to target. At most High drift."),
            Map.entry("cash band (%)", "Percent of NAV: how far cash may drift from its target before PARTIAL and"
                    + " BAND_EDGE invest or raise it."),
            Map.entry("max turnover (%)", "Percent of NAV, one-way turnover cap of one decision; a scenario above it"
                    + " is vetoed (a calendar review's FULL is exempt)."),
            Map.entry("cooldown (trading days)", "Whole trading days after a rebalance during which only"
                    + " risk-reducing crisis trades and a review's FULL may run (0 = none)."),
            Map.entry("review", "Calendar review cadence: DAILY, WEEKLY, MONTHLY, QUARTERLY, ANNUAL (the first"
                    + " trading day of the period) or NONE (never); pick from the list. On a review day any drift"
                    + " beyond Medium drift triggers a return to target."),
            Map.entry("var warning (%)", "Percent, one-day 95 % VaR as a return (-3 = a 3 % loss): below it the"
                    + " cycle records a VaR warning. Observation only; must be negative."),
            Map.entry("var critical (%)", "Percent, one-day 95 % VaR as a return (-4 = a 4 % loss), at most VaR"
                    + " warning: below it the cycle records a critical VaR. Observation only."),
            Map.entry("sharpe warning", "Annualised Sharpe ratio (a number, 1.0): below it the cycle records an"
                    + " observation."),
            Map.entry("beta limit", "Beta to the benchmark (a number, 1.5): above it the cycle records an"
                    + " observation."),
            // cost_benefit
            Map.entry("risk aversion", "Number (4 as shipped): benefit = risk aversion / 2 x the reduction in"
                    + " ex-ante tracking-error variance of the drift beyond the bands, in bp of NAV a year."),
            Map.entry("holding horizon (trading days)", "Whole trading days (252 = a year) over which a trade's"
                    + " modelled cost is amortised into bp a year."),
            Map.entry("minimum net benefit (bp a year)", "Basis points of NAV a year (0 = any gain): a scenario's"
                    + " benefit minus its amortised cost must beat this, otherwise the agent defers."),
            // alerts: a blank condition cell does not matter
            Map.entry("verdict", "The cycle's verdict, TRIGGERED or STABLE (pick from the list); blank = any."),
            Map.entry("regime now", "The cycle's regime (LOW_VOL, MODERATE, HIGH_VOL, CRISIS); blank = any."),
            Map.entry("regime changed", "true when the regime differs from the previous cycle's, false when it does"
                    + " not; blank = either."),
            Map.entry("var below warning x", "Factor of the VaR warning in force (1 = at the level): the row applies"
                    + " when VaR95 < warning x this (a one-day return, so below = a deeper loss)."),
            Map.entry("var at or above critical x", "Factor of the VaR critical level in force (1 = at the level):"
                    + " the row applies when VaR95 >= critical x this (not yet critical)."),
            Map.entry("var below critical x", "Factor of the VaR critical level in force (1 = at the level): the"
                    + " row applies when VaR95 < critical x this."),
            Map.entry("stale sessions from", "Whole closed NYSE sessions the stored prices lag, inclusive: the row"
                    + " applies when the lag >= this."),
            Map.entry("stale sessions to", "Whole closed NYSE sessions, exclusive: the row applies when the lag <"
                    + " this."),
            Map.entry("failure", "What failed: EXECUTION (a paper execution) or BATCH (a fetch or cycle of watch);"
                    + " pick from the list; blank = the row is not about a failure."),
            Map.entry("code", "Text: the alert's code (one alert per code, portfolio and day is stored)."),
            Map.entry("severity", "INFO, WARNING or CRITICAL (pick from the list)."),
            Map.entry("message", "Text of the alert, with placeholders {portfolio} {day} {regime}"
                    + " {previous_regime} {var95} {var_warning} {var_critical} {latest_price_day} {stale_sessions}"
                    + " {failure_message} {triggers}."));

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
