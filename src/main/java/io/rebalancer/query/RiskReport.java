package io.rebalancer.query;

import java.time.LocalDate;
import java.util.List;

/**
 * Trailing risk of the holdings at one close, as the monitor sees it: the portfolio's daily returns over the last
 * {@code days} trading days with today's weights fixed (cash earns nothing). VaR and CVaR at {@code confidence}
 * are daily returns (negative: a loss); Sharpe (geometric, over the T-bill rate), beta to the benchmark and
 * volatility annualised; drawdown from the trailing peak. The regime is the rules' conclusion, with their reasons
 * and the thresholds in force; {@code varBreach} names the VaR threshold crossed (WARNING, CRITICAL) or NONE.
 */
public record RiskReport(String portfolioId, LocalDate asOf, int days, double confidence, double var95Historical,
                         double var95Gaussian, double var95CornishFisher, double cvar95, double sharpe, double beta,
                         String benchmark, double volatility, double drawdown, double varWarning, double varCritical,
                         String varBreach, String regime, String regimeReason, String regimeRule,
                         String previousRegime, double vix, double vixPercentile, double benchmarkRealizedVol,
                         double benchmarkDrawdown, String verdict, List<String> triggers, String cycleId,
                         boolean cycleRecorded) {
    public RiskReport {
        triggers = List.copyOf(triggers);
    }
}
