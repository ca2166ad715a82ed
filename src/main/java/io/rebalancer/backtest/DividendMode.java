package io.rebalancer.backtest;

import java.util.Locale;

/**
 * How a backtest treats dividends. {@code CASH} (the default): positions are valued and traded at the as-traded
 * close, each dividend is paid into cash on its ex-date as it is live, and the cash is swept back into the
 * portfolio with the other cash flows ({@link CashFlowEngine}). {@code REINVEST}: positions are valued at adj_close,
 * so dividends are reinvested in the paying position on the ex-date (bt-style total return).
 */
public enum DividendMode {
    CASH, REINVEST;

    /** {@code cash} or {@code reinvest}, any case. */
    public static DividendMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--dividends '" + text + "' must be cash or reinvest");
        }
    }
}
