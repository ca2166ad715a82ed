package io.rebalancer.market;

import io.rebalancer.domain.MarketDay;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.PriceBar;
import io.rebalancer.domain.Ticker;
import io.rebalancer.store.Stores;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads {@code backtest-data/} (prices/*.csv, market/VIX.csv, market/rf_daily.csv, portfolios/*.json) into an
 * empty store. Every file is read and cross-checked before anything is written; prices are written last, so
 * an interrupted seed leaves the store "empty" and the next start seeds again (writes are upserts). A price or
 * market file that does not read fails the whole seed (every portfolio needs them); a portfolio file that does not
 * read, or names a ticker without prices, is left out and returned as {@link Result#rejected}, so that one file
 * being edited does not stop the other portfolios of the directory.
 */
public final class BacktestDataSeeder {

    /** What a seed did. */
    public record Result(boolean seeded, int tickers, int bars, int marketDays, List<String> portfolioIds,
                         List<DataFileException> rejected) {
        public Result {
            portfolioIds = List.copyOf(portfolioIds);
            rejected = List.copyOf(rejected);
        }

        static Result skipped() {
            return new Result(false, 0, 0, 0, List.of(), List.of());
        }
    }

    private BacktestDataSeeder() {
    }

    /** Seeds the store from {@code backtestDataDir} if it has no prices yet; otherwise does nothing. */
    public static Result seedIfEmpty(Stores stores, Path backtestDataDir) {
        if (stores.seeded()) {
            return Result.skipped();
        }
        // marked before the first write, so a seed cut short by a killed process is run again (its writes are upserts)
        stores.markSeed(false);
        Result result = seed(stores, backtestDataDir);
        stores.markSeed(true);
        return result;
    }

    /** Reads, validates and writes everything in the directory (upserts; existing data with the same keys is replaced). */
    public static Result seed(Stores stores, Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DataFileException(dir.toString(), 0, "backtest data directory not found");
        }
        Map<Ticker, List<PriceBar>> prices = new LinkedHashMap<>();
        for (Path file : files(dir.resolve("prices"), "*.csv")) {
            List<PriceBar> bars = CsvPriceReader.read(file);
            if (prices.put(bars.get(0).ticker(), bars) != null) {
                throw new DataFileException(file.toString(), 0, "a second price file for " + bars.get(0).ticker());
            }
        }
        if (prices.isEmpty()) {
            throw new DataFileException(dir.resolve("prices").toString(), 0, "no price files (*.csv)");
        }
        Path vixFile = dir.resolve("market").resolve("VIX.csv");
        Path rfFile = dir.resolve("market").resolve("rf_daily.csv");
        List<MarketDay> market = MarketDays.join(vixFile.toString(), VixCsvReader.read(vixFile), rfFile.toString(),
                RiskFreeCsvReader.read(rfFile));
        List<PortfolioDefinition> portfolios = new ArrayList<>();
        List<DataFileException> rejected = new ArrayList<>();
        for (Path file : files(dir.resolve("portfolios"), "*.json")) {
            try {
                PortfolioDefinition def = PortfolioJson.read(file);
                checkAgainstPrices(file, def, prices);
                portfolios.add(def);
            } catch (DataFileException e) {
                rejected.add(e);
            }
        }

        stores.prices().saveMarketDays(market);
        portfolios.forEach(stores.portfolios()::saveDefinition);
        List<PriceBar> all = new ArrayList<>();
        prices.values().forEach(all::addAll);
        stores.prices().saveBars(all);
        return new Result(true, prices.size(), all.size(), market.size(),
                portfolios.stream().map(PortfolioDefinition::id).toList(), rejected);
    }

    private static void checkAgainstPrices(Path file, PortfolioDefinition def, Map<Ticker, List<PriceBar>> prices) {
        List<Ticker> needed = new ArrayList<>(def.tickers());
        needed.add(def.benchmark());
        for (Ticker t : needed) {
            if (!prices.containsKey(t)) {
                throw new DataFileException(file.toString(), 0, "ticker " + t + " has no price file prices/" + t + ".csv");
            }
        }
        // the inception need not be a trading day here: backtests start at their own --from, and the live commands,
        // which buy the initial holdings at the inception's closes, refuse one that is not (LiveHoldings)
    }

    private static List<Path> files(Path dir, String glob) {
        if (!Files.isDirectory(dir)) {
            throw new DataFileException(dir.toString(), 0, "directory not found");
        }
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, glob)) {
            stream.forEach(out::add);
        } catch (IOException e) {
            throw new DataFileException(dir.toString(), 0, "cannot list: " + e.getMessage(), e);
        }
        out.sort(null);
        return out;
    }
}
