package io.rebalancer.analytics;

/**
 * Headline metrics of a NAV series over its whole span (see {@code docs/METRICS.md}). Fractions throughout:
 * cagr 0.13 = 13 % a year, maxDrawdown and the VaR figures negative. {@code sharpe} is the geometric
 * (PerformanceAnalytics {@code SharpeRatio.annualized}) form; {@code sharpeArithmetic} is mean/sd·√252.
 * VaR/CVaR are one-day at 95 % over all returns given (pass a trailing window for the monitored figure).
 */
public record PerformanceMetrics(double finalNav, double cagr, double volatility, double sharpe,
        double sharpeArithmetic, double sortino, double calmar, double maxDrawdown, double var95Historical,
        double cvar95, double var95Gaussian, double var95CornishFisher, double beta) {

    /** Confidence level of the VaR and CVaR fields. */
    public static final double CONFIDENCE = 0.95;

    /**
     * Computes all metrics.
     *
     * @param nav daily NAV, at least two positive values
     * @param rfDaily daily risk-free rate aligned to the returns (length nav.length - 1), or null for zero
     * @param benchmarkReturns benchmark daily returns aligned to the returns, or null (beta is then NaN)
     */
    public static PerformanceMetrics of(double[] nav, double[] rfDaily, double[] benchmarkReturns) {
        Checks.positive(nav, "nav");
        if (nav.length < 2) {
            throw new IllegalArgumentException("nav needs at least 2 values to have a return, got " + nav.length);
        }
        double[] r = ReturnStats.simpleReturns(nav);
        double cagr = ReturnStats.cagr(nav);
        double mdd = ReturnStats.maxDrawdown(nav);
        return new PerformanceMetrics(
                nav[nav.length - 1],
                cagr,
                ReturnStats.annualizedVolatility(r),
                ReturnStats.sharpeGeometric(r, rfDaily),
                ReturnStats.sharpeArithmetic(r, rfDaily),
                ReturnStats.sortino(r, 0),
                ReturnStats.calmar(cagr, mdd),
                mdd,
                ReturnStats.historicalVar(r, CONFIDENCE),
                ReturnStats.cvar(r, CONFIDENCE),
                ReturnStats.gaussianVar(r, CONFIDENCE),
                ReturnStats.cornishFisherVar(r, CONFIDENCE),
                benchmarkReturns == null ? Double.NaN : ReturnStats.beta(r, benchmarkReturns));
    }
}
