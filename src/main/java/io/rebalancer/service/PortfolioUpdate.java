package io.rebalancer.service;

import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.PriceBar;
import io.rebalancer.domain.Ticker;
import io.rebalancer.market.DataFileException;
import io.rebalancer.market.PortfolioFields;
import io.rebalancer.market.PortfolioFileCheck;
import io.rebalancer.market.PortfolioFields.Difference;
import io.rebalancer.market.PortfolioJson;
import io.rebalancer.store.Stores;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes a portfolio file into the store ({@code portfolio update FILE}): a new portfolio is added, a changed one
 * replaced, field by field as the file names them. Once a portfolio has live decisions or executions its basis,
 * inception and target tickers and weights are refused: the live holdings are rebuilt from them from inception on,
 * so changing them would rewrite the portfolio's past. Thresholds, bounds, costs, sectors and the benchmark apply
 * from the next cycle; each cycle id includes the definition, so a day decided before is decided again.
 */
public final class PortfolioUpdate {
    /** What the update did: {@code added} (new id), otherwise the changed fields (empty: nothing to do). */
    public record Result(PortfolioDefinition definition, boolean added, List<Difference> changes) {
        public Result {
            changes = List.copyOf(changes);
        }
    }

    private final Stores stores;

    public PortfolioUpdate(Stores stores) {
        this.stores = stores;
    }

    public Result apply(Path file) {
        PortfolioDefinition def = PortfolioJson.read(file);
        checkPrices(file, def);
        try (PortfolioLease lease = PortfolioLease.take(stores, def.id(), Clock.systemUTC())) {
            Optional<PortfolioDefinition> stored = stores.portfolios().definition(def.id());
            if (stored.isEmpty()) {
                stores.portfolios().saveDefinition(def);
                return new Result(def, true, List.of());
            }
            List<Difference> changes = PortfolioFields.differences(stored.get(), def);
            if (changes.isEmpty()) {
                return new Result(def, false, changes);
            }
            Optional<Difference> history = changes.stream().filter(c -> PortfolioFields.shapesHoldings(c.field()))
                    .findFirst();
            if (history.isPresent() && PortfolioFileCheck.isLive(stores, def.id())) {
                Difference c = history.get();
                throw new DataFileException(file.toString(), 0, "field '" + c.field() + "' value '" + c.file()
                        + "' differs from the stored " + c.stored() + ", and " + def.id() + " has live decisions: its"
                        + " holdings are built from basis, inception and targets, so these cannot change (use a new"
                        + " portfolio id); nothing was updated");
            }
            stores.portfolios().saveDefinition(def);
            return new Result(def, false, changes);
        }
    }

    /**
     * Every ticker and the benchmark has a stored price on the inception day: the live holdings are bought at its
     * closes (the seed, which serves backtests too, does not require it).
     */
    private void checkPrices(Path file, PortfolioDefinition def) {
        List<Ticker> needed = new ArrayList<>(def.tickers());
        if (!needed.contains(def.benchmark())) {
            needed.add(def.benchmark());
        }
        Map<Ticker, PriceBar> bars = stores.prices().bars(needed, def.inception());
        for (Ticker t : needed) {
            if (!bars.containsKey(t)) {
                throw new DataFileException(file.toString(), 0, "field 'inception' value '" + def.inception()
                        + "': the store holds no price of " + t + " on that day ('data import' or 'data fetch' first)");
            }
        }
    }
}
