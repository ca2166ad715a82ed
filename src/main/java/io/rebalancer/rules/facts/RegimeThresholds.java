package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/**
 * Conclusion (monitor): the analysts' thresholds for one regime, from thresholds.drl.xlsx (percent there,
 * fractions here). A position's band is {@code min(driftCritical, relativeBand x target)}; BAND_EDGE trades an
 * out-of-band position to {@code target +/- tradeTo x band}; cash may drift up to {@code cashBand} before
 * PARTIAL and BAND_EDGE invest or raise it. {@code review}: the calendar review cadence, DAILY, WEEKLY, MONTHLY,
 * QUARTERLY, ANNUAL (the first trading day of each period) or NONE; a position outside its band triggers on any
 * day, and on a review day any position drift beyond Medium triggers a review back to target. High and Medium above Critical are capped at it
 * in force (monitor.drl), so lowering Critical alone is a valid edit.
 */
public record RegimeThresholds(Regime regime, double driftCritical, double relativeBand, double tradeTo,
                               double driftHigh, double driftMedium, double cashBand, double maxTurnover,
                               int cooldownDays, String review, double varWarning, double varCritical,
                               double sharpeWarning, double betaLimit, String rule) {

    /** The Review column's cadences: {@link ReviewCalendar#CADENCES}. */
    public static final java.util.List<String> REVIEWS = ReviewCalendar.CADENCES;

    public RegimeThresholds {
        String where = "thresholds for " + regime + " (" + rule + "): ";
        positive(where, "Critical drift (%)", driftCritical, 100);
        positive(where, "Relative band (% of target)", relativeBand, 100);
        if (!(tradeTo >= 0 && tradeTo <= 1)) {
            throw new IllegalArgumentException(where + "Trade to (% of band) must be 0-100, was " + asEntered(tradeTo, 100));
        }
        if (!(driftMedium >= 0 && driftMedium <= driftHigh)) {
            throw new IllegalArgumentException(where + "drift levels must satisfy 0 <= Medium <= High, were "
                    + asEntered(driftMedium, 100) + " and " + asEntered(driftHigh, 100));
        }
        if (!(cashBand >= 0 && cashBand < 1)) {
            throw new IllegalArgumentException(where + "Cash band (%) must be 0-100, was " + asEntered(cashBand, 100));
        }
        positive(where, "Max turnover (%)", maxTurnover, 100);
        if (cooldownDays < 0) {
            throw new IllegalArgumentException(where + "Cooldown (trading days) must be 0 or more, was " + cooldownDays);
        }
        if (!REVIEWS.contains(review)) {
            throw new IllegalArgumentException(where + "Review must be one of " + REVIEWS + ", was '" + review + "'");
        }
        if (!(varCritical <= varWarning && varWarning < 0)) {
            throw new IllegalArgumentException(where + "VaR levels must satisfy VaR critical <= VaR warning < 0, were "
                    + asEntered(varCritical, 100) + " and " + asEntered(varWarning, 100));
        }
        positive(where, "Beta limit", betaLimit, 1);
    }

    /** {@code v} is the fraction held; {@code scale} turns it back into the cell's unit for the message. */
    private static void positive(String where, String column, double v, double scale) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(where + column + " must be a positive number, was " + asEntered(v, scale));
        }
    }

    /** The value as the analyst typed it (-5, not -0.05 or -5.000000000000001). */
    private static String asEntered(double fraction, double scale) {
        return io.rebalancer.domain.PlainNumber.of(fraction * scale, 12);
    }

    public static Builder builder(Regime regime, String rule) {
        return new Builder(regime, rule);
    }

    /**
     * Collects one table row column by column (each decision-table column is one call); {@link #build()} says
     * which column was left empty. Percent in, fractions out.
     */
    public static final class Builder {
        private final Regime regime;
        private final String rule;
        private double critical = Double.NaN;
        private double relative = Double.NaN;
        private double tradeTo = Double.NaN;
        private double high = Double.NaN;
        private double medium = Double.NaN;
        private double cash = Double.NaN;
        private double turnover = Double.NaN;
        private int cooldown = -1;
        private String review;
        private double varWarning = Double.NaN;
        private double varCritical = Double.NaN;
        private double sharpe = Double.NaN;
        private double beta = Double.NaN;

        private Builder(Regime regime, String rule) {
            this.regime = regime;
            this.rule = rule;
        }

        public Builder criticalDriftPct(double v) { critical = v / 100; return this; }
        public Builder relativeBandPct(double v) { relative = v / 100; return this; }
        public Builder tradeToPct(double v) { tradeTo = v / 100; return this; }
        public Builder highDriftPct(double v) { high = v / 100; return this; }
        public Builder mediumDriftPct(double v) { medium = v / 100; return this; }
        public Builder cashBandPct(double v) { cash = v / 100; return this; }
        public Builder maxTurnoverPct(double v) { turnover = v / 100; return this; }
        public Builder cooldownDays(int v) { cooldown = v; return this; }
        public Builder review(String v) { review = v == null ? null : v.trim().toUpperCase(java.util.Locale.ROOT); return this; }
        public Builder varWarningPct(double v) { varWarning = v / 100; return this; }
        public Builder varCriticalPct(double v) { varCritical = v / 100; return this; }
        public Builder sharpeWarning(double v) { sharpe = v; return this; }
        public Builder betaLimit(double v) { beta = v; return this; }

        public RegimeThresholds build() {
            String where = "thresholds for " + regime + " (" + rule + "): the ";
            missing(where, "Critical drift (%)", critical);
            missing(where, "Relative band (% of target)", relative);
            missing(where, "Trade to (% of band)", tradeTo);
            missing(where, "High drift (%)", high);
            missing(where, "Medium drift (%)", medium);
            missing(where, "Cash band (%)", cash);
            missing(where, "Max turnover (%)", turnover);
            if (cooldown < 0) {
                throw new IllegalArgumentException(where + "Cooldown (trading days) cell is empty");
            }
            if (review == null) {
                throw new IllegalArgumentException(where + "Review cell is empty");
            }
            missing(where, "VaR warning (%)", varWarning);
            missing(where, "VaR critical (%)", varCritical);
            missing(where, "Sharpe warning", sharpe);
            missing(where, "Beta limit", beta);
            return new RegimeThresholds(regime, critical, relative, tradeTo, high, medium, cash, turnover, cooldown,
                    review, varWarning, varCritical, sharpe, beta, rule);
        }

        private static void missing(String where, String column, double v) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException(where + column + " cell is empty");
            }
        }
    }
}
