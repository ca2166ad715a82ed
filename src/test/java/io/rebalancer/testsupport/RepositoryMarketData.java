package io.rebalancer.testsupport;

import io.rebalancer.analytics.PriceHistory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the repository's own backtest-data/ (prices/ and market/VIX.csv) directly, bypassing the store, for tests
 * that check figures on the real data. These files are byte-for-byte the ones imported from the project's shared
 * market data (backtest-data/README.md), so figures worked out on either hold for both.
 */
public final class RepositoryMarketData {
    public static final Path DATA = Path.of("backtest-data");
    public static final Path PRICES = DATA.resolve("prices");
    public static final Path VIX = DATA.resolve("market").resolve("VIX.csv");
    public static final List<String> TICKERS = List.of("AAPL", "MSFT", "GOOGL", "NVDA", "META", "XLK", "XOM", "CVX",
            "COP", "XLE", "SPY", "QQQ", "IWM");
    private static PriceHistory cached;

    private RepositoryMarketData() {
    }

    public static synchronized PriceHistory history() {
        if (cached == null) {
            List<LocalDate> dates = new ArrayList<>();
            double[][] close = new double[TICKERS.size()][];
            double[][] adj = new double[TICKERS.size()][];
            double[][] vol = new double[TICKERS.size()][];
            for (int i = 0; i < TICKERS.size(); i++) {
                List<String> lines = lines(PRICES.resolve(TICKERS.get(i) + ".csv"));
                int n = lines.size() - 1;
                close[i] = new double[n];
                adj[i] = new double[n];
                vol[i] = new double[n];
                for (int d = 0; d < n; d++) {
                    String[] f = lines.get(d + 1).split(",");
                    if (i == 0) {
                        dates.add(LocalDate.parse(f[0]));
                    }
                    close[i][d] = Double.parseDouble(f[4]);
                    adj[i][d] = Double.parseDouble(f[5]);
                    vol[i][d] = Double.parseDouble(f[6]);
                }
            }
            cached = PriceHistory.of(dates, TICKERS, close, adj, vol);
        }
        return cached;
    }

    /** VIX close by date. */
    public static Map<LocalDate, Double> vix() {
        Map<LocalDate, Double> out = new HashMap<>();
        List<String> lines = lines(VIX);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            out.put(LocalDate.parse(f[0]), Double.parseDouble(f[4]));
        }
        return out;
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
