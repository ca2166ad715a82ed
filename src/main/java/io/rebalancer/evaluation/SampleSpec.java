package io.rebalancer.evaluation;

import io.rebalancer.backtest.BacktestRequest;
import io.rebalancer.backtest.RegretScorer;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One sample of an evaluation suite: a portfolio over a period, with the backtest's options.
 *
 * @param id           unique within the suite; names the sample's export directory
 * @param portfolio    portfolio id: a file {@code <backtestData>/portfolios/<id>.json} when {@code backtestData} is
 *                     given, else a portfolio of the suite's store
 * @param backtestData a backtest-data directory (absolute, or resolved against the suite file's directory), or
 *                     null. Its portfolio files are read; when it also has a {@code prices} directory its own
 *                     prices and market data are used (one in-memory store per such directory)
 * @param warmUpFrom   walk-forward: the agent first runs from this day to the day before {@code from} and carries
 *                     what it learned (memory, scored outcomes) into the sample; null for none
 * @param costBps      as {@code backtest --cost-bps}, or null
 * @param noCosts      as {@code backtest --no-costs}
 * @param learning     false as {@code backtest --no-learning}
 * @param dividends    as {@code backtest --dividends} (null: cash)
 */
public record SampleSpec(String id, String portfolio, LocalDate from, LocalDate to, Path backtestData,
                         LocalDate warmUpFrom, Double costBps, boolean noCosts, boolean learning, int horizonDays,
                         double lambda, io.rebalancer.backtest.DividendMode dividends) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");

    public SampleSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(portfolio, "portfolio");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        dividends = dividends == null ? io.rebalancer.backtest.DividendMode.CASH : dividends;
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("sample id '" + id
                    + "' must be 1-80 letters, digits, '.', '_' or '-' (it names a directory)");
        }
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("sample " + id + ": 'to' " + to + " must be after 'from' " + from);
        }
        if (warmUpFrom != null && !warmUpFrom.isBefore(from)) {
            throw new IllegalArgumentException("sample " + id + ": 'warm_up_from' " + warmUpFrom
                    + " must be before 'from' " + from);
        }
    }

    /** A sample with the backtest's defaults (costs of the portfolio, learning on, default horizon and lambda). */
    public static SampleSpec of(String id, String portfolio, LocalDate from, LocalDate to) {
        return new SampleSpec(id, portfolio, from, to, null, null, null, false, true,
                io.rebalancer.backtest.BacktestRequest.HORIZON_FROM_RULES, RegretScorer.DEFAULT_LAMBDA, null);
    }

    /** The backtest request of the sample's evaluation period. */
    public BacktestRequest request() {
        return request(from, to);
    }

    /** The request of the walk-forward warm-up: {@code warmUpFrom} to the day before {@code from}. */
    public BacktestRequest warmUpRequest() {
        if (warmUpFrom == null) {
            throw new IllegalStateException("sample " + id + " has no warm-up period");
        }
        return request(warmUpFrom, from.minusDays(1));
    }

    private BacktestRequest request(LocalDate first, LocalDate last) {
        return new BacktestRequest(portfolio, first, last, costBps, noCosts, learning, horizonDays, lambda, false,
                BacktestRequest.DEFAULT_NAV, dividends);
    }
}
