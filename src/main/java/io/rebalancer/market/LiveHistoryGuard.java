package io.rebalancer.market;

import io.rebalancer.analytics.PriceHistory;
import io.rebalancer.domain.Execution;
import io.rebalancer.domain.PlainNumber;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.PriceBar;
import io.rebalancer.domain.Ticker;
import io.rebalancer.store.DecisionLog;
import io.rebalancer.store.Stores;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Stored prices that live portfolios rest on: a portfolio's holdings start from its inception closes, and its
 * decisions and paper fills were made at the closes of their days. An import that changes a stored close or adjusted
 * close of one of its tickers on or before its latest live decision or fill rewrites that past (a restated history
 * quietly changed 1,516 NVDA shares to 963 while the fills stayed at the old prices), so it is refused unless the
 * analyst asks for it. Re-importing the same values, or days after that, is always fine.
 */
public final class LiveHistoryGuard {
    /** Relative difference below which two stored prices are the same (CSV round trips). */
    static final double SAME = 1e-9;

    private LiveHistoryGuard() {
    }

    /** Why importing {@code bars} (read from {@code file}) is refused, or empty when it changes no live past. */
    public static Optional<String> refusal(Stores stores, String file, List<PriceBar> bars) {
        if (bars.isEmpty()) {
            return Optional.empty();
        }
        Map<Ticker, LocalDate> until = new HashMap<>();
        Map<Ticker, String> owner = new HashMap<>();
        Map<String, LocalDate> lastLive = new HashMap<>();
        for (DecisionLog.LiveRef r : stores.decisions().liveRefs()) {
            lastLive.merge(r.portfolioId(), r.asOf(), (a, b) -> a.isAfter(b) ? a : b);
        }
        stores.ledger().executionsByPortfolio().forEach((p, executions) -> {
            for (Execution e : executions) {
                lastLive.merge(p, e.date(), (a, b) -> a.isAfter(b) ? a : b);
            }
        });
        lastLive.forEach((p, day) -> {
            Optional<PortfolioDefinition> def = stores.portfolios().definition(p);
            def.ifPresent(d -> d.tickers().forEach(t -> {
                LocalDate before = until.get(t);
                if (before == null || day.isAfter(before)) {
                    until.put(t, day);
                    owner.put(t, p);
                }
            }));
        });
        Map<Ticker, PriceHistory> stored = new HashMap<>();
        for (PriceBar b : bars) {
            LocalDate limit = until.get(b.ticker());
            if (limit == null || b.date().isAfter(limit)) {
                continue;
            }
            PriceHistory h = stored.computeIfAbsent(b.ticker(), t -> storedHistory(stores, t, bars, limit));
            int k = h == null ? -1 : h.indexOf(b.date());
            if (k < 0) {
                continue;
            }
            String t = b.ticker().symbol();
            Optional<String> changed = changed("close", b.close(), h.close(t, k))
                    .or(() -> changed("adj_close", b.adjClose(), h.adjClose(t, k)));
            if (changed.isPresent()) {
                return Optional.of(String.format(Locale.ROOT, "%s: %s of %s on %s, where portfolio %s's live"
                        + " decisions and fills (up to %s) rest on the stored prices; nothing was imported (re-import"
                        + " with --restate to replace them anyway)", file, changed.get(), t, b.date(),
                        owner.get(b.ticker()), limit));
            }
        }
        return Optional.empty();
    }

    private static PriceHistory storedHistory(Stores stores, Ticker t, List<PriceBar> bars, LocalDate limit) {
        LocalDate first = bars.stream().filter(x -> x.ticker().equals(t)).map(PriceBar::date)
                .min(LocalDate::compareTo).orElseThrow();
        try {
            return stores.prices().history(List.of(t), first, limit);
        } catch (RuntimeException noneStored) {
            return null;
        }
    }

    private static Optional<String> changed(String field, double incoming, double stored) {
        if (!Double.isFinite(stored) || Math.abs(incoming - stored) <= SAME * Math.abs(stored)) {
            return Optional.empty();
        }
        return Optional.of("field '" + field + "' value " + PlainNumber.of(incoming, 10) + " would replace the stored "
                + PlainNumber.of(stored, 10));
    }
}
