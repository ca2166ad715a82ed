package io.rebalancer.cli;

import io.rebalancer.domain.PriceBar;
import io.rebalancer.market.CsvPriceReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "data", mixinStandardHelpOptions = true, description = "Market data in the store.",
        subcommands = {DataCommand.Import.class, DataFetchCommand.class})
public class DataCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import daily prices from CSV files (Yahoo 'Date,Open,High,Low,Close,Adj Close,Volume' or"
                    + " 'date,open,high,low,close,adj_close,volume'); the ticker is the file name. Every file is checked"
                    + " before anything is written.",
        footer = {"", "Examples:", "  rebalancer data import ~/Downloads/NVDA.csv", "  rebalancer data import prices.csv --ticker NVDA"})
    static class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Option(names = "--ticker", description = "Ticker for a single file whose name is not the ticker")
        String ticker;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "CSV files")
        List<Path> files;

        @Option(names = "--restate", description = "Replace stored prices that live portfolios' decisions and fills"
                + " rest on (refused without it)")
        boolean restate;

        @Override
        public Integer call() {
            if (ticker != null && files.size() != 1) {
                throw new IllegalArgumentException("--ticker applies to exactly one file, got " + files.size());
            }
            List<PriceBar> all = new ArrayList<>();
            java.util.Map<Path, List<PriceBar>> byFile = new java.util.LinkedHashMap<>();
            for (Path f : files) {
                List<PriceBar> bars = ticker == null ? CsvPriceReader.read(f)
                        : CsvPriceReader.read(f, io.rebalancer.domain.Ticker.of(ticker));
                byFile.put(f, bars);
                all.addAll(bars);
            }
            try (AppContext app = new AppContext(store)) {
                if (!restate) {
                    for (java.util.Map.Entry<Path, List<PriceBar>> e : byFile.entrySet()) {
                        java.util.Optional<String> refused = io.rebalancer.market.LiveHistoryGuard.refusal(app.stores(),
                                e.getKey().toString(), e.getValue());
                        if (refused.isPresent()) {
                            throw new IllegalArgumentException(refused.get());
                        }
                    }
                }
                app.stores().prices().saveBars(all);
                spec.commandLine().getOut().println("Imported " + all.size() + " price rows from " + files.size()
                        + " file(s) into " + app.stores().description());
            }
            return ExitCodes.OK;
        }
    }
}
