package io.rebalancer.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Leases that stop two processes working on the same portfolio at once. A lease names its owner and expires, so
 * a crashed process blocks the others only until then.
 */
public interface LockStore {
    /** Who holds a lease, and until when. */
    record Lease(String name, String owner, Instant expiresAt) {
    }

    /**
     * Takes the lease {@code name} for {@code owner} until {@code expiresAt} when it is free or expired at
     * {@code now}; otherwise returns the lease that holds it and changes nothing.
     */
    Optional<Lease> tryAcquire(String name, String owner, Instant now, Instant expiresAt);

    /** Gives the lease back if {@code owner} still holds it. */
    void release(String name, String owner);

    /**
     * {@link #tryAcquire} of many leases, the free ones in one bulk insert; returns the leases others hold (those
     * names are not taken).
     */
    java.util.Map<String, Lease> tryAcquireAll(List<String> names, String owner, Instant now, Instant expiresAt);

    /** {@link #release} of many leases in one write. */
    void releaseAll(List<String> names, String owner);
}
