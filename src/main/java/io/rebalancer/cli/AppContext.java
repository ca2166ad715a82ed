package io.rebalancer.cli;

import io.rebalancer.agents.Cycle;
import io.rebalancer.market.BacktestDataSeeder;
import io.rebalancer.market.DataFileException;
import io.rebalancer.market.PortfolioFileCheck;
import io.rebalancer.market.PortfolioJson;
import io.rebalancer.rules.RuleEngine;
import io.rebalancer.rules.RuleLimits;
import io.rebalancer.rules.drools.DroolsRuleEngine;
import io.rebalancer.store.Stores;
import io.rebalancer.store.open.StoreOpener;

import java.nio.file.Path;

/** Opens what a command needs: the store (seeded from backtest-data on first use) and the rule engine. */
final class AppContext implements AutoCloseable {
    private final StoreOptions options;
    private Stores stores;
    private RuleEngine rules;
    private java.util.concurrent.CompletableFuture<RuleEngine> preloading;
    private boolean checkPortfolioFiles = true;
    /** Portfolio files of the backtest-data directory that do not read, by portfolio id (the file's stem). */
    private final java.util.Map<String, DataFileException> unreadPortfolioFiles = new java.util.HashMap<>();

    AppContext(StoreOptions options) {
        this.options = options;
    }

    /**
     * Starts compiling the rules on a background (daemon) thread, so that the compile (seconds, cold) overlaps
     * opening and seeding the store; {@link #rules()} then waits for it.
     */
    AppContext preloadRules() {
        if (rules == null && preloading == null) {
            // initialise logging on this thread first, so the compile thread's log calls are not queued and replayed
            org.slf4j.LoggerFactory.getILoggerFactory();
            preloading = new java.util.concurrent.CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    preloading.complete(DroolsRuleEngine.load(rulesDir(), options.ruleCache()).withLimits(RuleLimits.from(System::getenv)));
                } catch (Throwable e) {
                    preloading.completeExceptionally(e);
                }
            }, "rules-preload");
            t.setDaemon(true);
            t.start();
        }
        return this;
    }

    /** For the command that takes portfolio files up itself: no notice that a file differs from the store. */
    AppContext withoutPortfolioCheck() {
        checkPortfolioFiles = false;
        return this;
    }

    Stores stores() {
        if (stores == null) {
            stores = StoreOpener.open(options.storeConfig());
            java.io.PrintWriter err = options.notices();
            BacktestDataSeeder.Result seed = BacktestDataSeeder.seedIfEmpty(stores, options.backtestData());
            for (DataFileException e : seed.rejected()) {
                unreadPortfolioFiles.put(PortfolioJson.idOf(Path.of(e.file())), e);
                err.println("note: " + PortfolioFileCheck.notLoaded(e));
            }
            if (!seed.seeded() && checkPortfolioFiles) {
                // a portfolio file edited after the seed is said, never silently ignored
                for (PortfolioFileCheck.Finding f : PortfolioFileCheck.check(stores, options.backtestData())) {
                    if (f.unread() != null) {
                        unreadPortfolioFiles.put(f.portfolioId(), f.unread());
                    }
                    err.println("note: " + f.message());
                }
            }
            err.flush();
        }
        return stores;
    }

    /**
     * {@link #stores()} for a command about one portfolio: when the store does not hold it and its file
     * ({@code portfolios/<id>.json}) does not read, that file's own error, so the user sees what is wrong with it
     * rather than that the portfolio is unknown.
     */
    Stores storesFor(String portfolioId) {
        requireReadableFile(portfolioId);
        return stores();
    }

    /** Throws the file's own error when the store does not hold {@code portfolioId} and its file did not read. */
    void requireReadableFile(String portfolioId) {
        Stores s = stores();
        DataFileException unread = unreadPortfolioFiles.get(portfolioId);
        if (unread != null && s.portfolios().definition(portfolioId).isEmpty()) {
            throw unread;
        }
    }

    RuleEngine rules() {
        if (rules == null) {
            rules = preloading == null ? DroolsRuleEngine.load(rulesDir(), options.ruleCache()).withLimits(RuleLimits.from(System::getenv)) : awaitPreload();
        }
        return rules;
    }

    private RuleEngine awaitPreload() {
        try {
            return preloading.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    Path rulesDir() {
        return options.rules();
    }

    Cycle cycle() {
        return new Cycle(rules());
    }

    /** Live cycles on the store, with the rules as they finish loading and learning from matured decisions. */
    io.rebalancer.service.LiveCycleService liveCycles() {
        return new io.rebalancer.service.LiveCycleService(stores(), this::cycle,
                new io.rebalancer.backtest.LiveOutcomes(stores(),
                        () -> cycle().outcomeHorizon(io.rebalancer.backtest.RegretScorer.DEFAULT_HORIZON),
                        io.rebalancer.backtest.RegretScorer.DEFAULT_LAMBDA));
    }

    @Override
    public void close() {
        if (stores != null) {
            stores.close();
        }
    }
}
