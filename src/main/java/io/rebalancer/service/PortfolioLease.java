package io.rebalancer.service;

import io.rebalancer.store.LockStore;
import io.rebalancer.store.Stores;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The lease {@code portfolio:<id>} held while a cycle or an execution reads and writes a portfolio's live state,
 * so two processes on one MongoDB never interleave. It expires after {@link #TTL}, which bounds how long a
 * crashed process blocks the others.
 */
final class PortfolioLease implements AutoCloseable {
    static final Duration TTL = Duration.ofMinutes(10);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PortfolioLease.class);
    static final String HOST = host();
    private static final String OWNER = owner();
    /** Leases this process holds, released by a shutdown hook if the process exits while holding them. */
    private static final java.util.Set<PortfolioLease> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(PortfolioLease::releaseAllHeld, "lease-release"));
        } catch (IllegalStateException shuttingDown) {
            // first used while the JVM exits (a stop during a watch loop's check): take() refuses below
        }
    }

    private final LockStore locks;
    private final String name;

    private PortfolioLease(LockStore locks, String name) {
        this.locks = locks;
        this.name = name;
    }

    static PortfolioLease take(Stores stores, String portfolioId, Clock clock) {
        String name = "portfolio:" + portfolioId;
        if (shuttingDown()) {
            // a lease taken now could outlive the process: the hook that gives leases back may have run already
            throw new PortfolioBusyException("portfolio " + portfolioId + " was not taken up: this process is stopping");
        }
        Instant now = clock.instant();
        Optional<LockStore.Lease> held = stores.locks().tryAcquire(name, OWNER, now, now.plus(TTL));
        if (held.isPresent() && heldByDeadProcessHere(held.get().owner())) {
            // a process of this machine that was killed while holding it: give it back for it, then take it as
            // usual (release is conditional on the owner, so of two processes doing this only one gets the lease)
            LOG.warn("taking over lease " + name + " of " + held.get().owner()
                    + ", a process that is no longer running");
            stores.locks().release(name, held.get().owner());
            held = stores.locks().tryAcquire(name, OWNER, now, now.plus(TTL));
        }
        if (held.isPresent()) {
            throw new PortfolioBusyException("portfolio " + portfolioId + " is in use by another process ("
                    + held.get().owner() + ", lease until " + held.get().expiresAt() + "); try again when it is done");
        }
        PortfolioLease lease = new PortfolioLease(stores.locks(), name);
        HELD.add(lease);
        return lease;
    }

    @Override
    public void close() {
        if (HELD.remove(this)) {
            locks.release(name, OWNER);
        }
    }

    /** Best effort on the way out (System.exit, SIGTERM): the store may already be closing. */
    /** Whether the JVM is running its shutdown hooks (a hook can no longer be added then). */
    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    private static void releaseAllHeld() {
        for (PortfolioLease lease : java.util.List.copyOf(HELD)) {
            try {
                lease.close();
            } catch (RuntimeException e) {
                // the lease expires after TTL
            }
        }
    }

    /**
     * Whether {@code owner} (host:pid:nonce) names a process on this machine that has ended. Unknown hosts never
     * match, so leases of other machines sharing a MongoDB are left to expire.
     */
    static boolean heldByDeadProcessHere(String owner) {
        String[] parts = owner.split(":");
        if (parts.length != 3 || HOST.equals("localhost") || !parts[0].equals(HOST)) {
            return false;
        }
        try {
            long pid = Long.parseLong(parts[1]);
            return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String host() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            host = System.getenv("COMPUTERNAME");
        }
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = null;
            }
        }
        return host == null || host.isBlank() || host.contains(":") ? "localhost" : host;
    }

    private static String owner() {
        byte[] nonce = new byte[3];
        ThreadLocalRandom.current().nextBytes(nonce);
        return HOST + ":" + ProcessHandle.current().pid() + ":" + HexFormat.of().formatHex(nonce);
    }
}
