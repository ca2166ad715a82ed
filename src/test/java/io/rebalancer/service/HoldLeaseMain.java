package io.rebalancer.service;

import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.Stores;
import io.rebalancer.store.mongo.MongoStores;

import java.time.Clock;

/**
 * Another process working on a portfolio (for the tests): opens the MongoDB of {@code args[0]}, takes the lease of
 * portfolio {@code args[1]} as a cycle or an execution does, says {@code holding}, and keeps it until its stdin
 * closes.
 */
public final class HoldLeaseMain {
    private HoldLeaseMain() {
    }

    public static void main(String[] args) throws Exception {
        try (Stores stores = MongoStores.open(StoreConfig.uri(args[0]));
             PortfolioLease lease = PortfolioLease.take(stores, args[1], Clock.systemUTC())) {
            System.out.println("holding");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the test to let go
            }
        }
    }
}
