package io.rebalancer.cli;

import io.rebalancer.agents.Cycle;
import io.rebalancer.market.BacktestDataSeeder;
import io.rebalancer.rules.RuleEngine;
import io.rebalancer.rules.drools.DroolsRuleEngine;
import io.rebalancer.store.Stores;
import io.rebalancer.store.mongo.MongoStores;

import java.nio.file.Path;

/** Opens what a command needs: the store (seeded from backtest-data on first use) and the rule engine. */
final class AppContext implements AutoCloseable {
    private final StoreOptions options;
    private Stores stores;
    private RuleEngine rules;

    AppContext(StoreOptions options) {
        this.options = options;
    }

    Stores stores() {
        if (stores == null) {
            stores = MongoStores.open(options.storeConfig());
            BacktestDataSeeder.seedIfEmpty(stores, options.backtestData);
        }
        return stores;
    }

    RuleEngine rules() {
        if (rules == null) {
            rules = DroolsRuleEngine.load(rulesDir());
        }
        return rules;
    }

    Path rulesDir() {
        return options.rules;
    }

    Cycle cycle() {
        return new Cycle(rules());
    }

    @Override
    public void close() {
        if (stores != null) {
            stores.close();
        }
    }
}
