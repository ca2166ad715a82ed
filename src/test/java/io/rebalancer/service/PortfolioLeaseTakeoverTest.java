package io.rebalancer.service;

import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.mongo.MongoStores;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lease left by a process of this machine that was killed (SIGKILL: no hook ran) is taken over at once instead of
 * blocking every run for ten minutes; a lease of a running process, or of another machine, still blocks.
 */
class PortfolioLeaseTakeoverTest {
    private static final String NAME = "portfolio:P";

    private static long endedPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    @Test
    void take_leaseOfAnEndedProcessOnThisMachine_isTakenOver() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(PortfolioLease.HOST.equals("localhost"),
                "this machine has no name, so no lease is taken over here");
        try (MongoStores stores = MongoStores.open(StoreConfig.inMemory())) {
            Instant now = Instant.now();
            stores.locks().tryAcquire(NAME, PortfolioLease.HOST + ":" + endedPid() + ":abcdef", now,
                    now.plusSeconds(600));
            try (PortfolioLease lease = PortfolioLease.take(stores, "P", Clock.systemUTC())) {
                assertTrue(lease != null);
            }
        }
    }

    @Test
    void take_leaseOfARunningProcess_isBusy() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try (MongoStores stores = MongoStores.open(StoreConfig.inMemory())) {
            Instant now = Instant.now();
            stores.locks().tryAcquire(NAME, PortfolioLease.HOST + ":" + sleeper.pid() + ":abcdef", now,
                    now.plusSeconds(600));
            assertThrows(PortfolioBusyException.class, () -> PortfolioLease.take(stores, "P", Clock.systemUTC()));
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void take_leaseOfAnotherMachine_isBusyEvenIfThePidIsFreeHere() throws Exception {
        try (MongoStores stores = MongoStores.open(StoreConfig.inMemory())) {
            Instant now = Instant.now();
            stores.locks().tryAcquire(NAME, "another-host.example:" + endedPid() + ":abcdef", now, now.plusSeconds(600));
            assertThrows(PortfolioBusyException.class, () -> PortfolioLease.take(stores, "P", Clock.systemUTC()));
        }
    }
}
