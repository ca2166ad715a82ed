package io.rebalancer.store.memory;

import io.rebalancer.domain.Checks;
import io.rebalancer.store.LockStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Leases by name. A lease is free when absent or when its expiry is before {@code now}; expiries are kept to the
 * millisecond, as the MongoDB adapter stores them, so both stores agree on the instant a lease lapses.
 */
final class MemoryLockStore implements LockStore {
    private record Held(String owner, long expiresAtMs) {
    }

    private final Map<String, Held> leases = new HashMap<>();

    @Override
    public synchronized Optional<Lease> tryAcquire(String name, String owner, Instant now, Instant expiresAt) {
        Checks.notBlank("lease name", name);
        Checks.notBlank("lease owner", owner);
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Held held = leases.get(name);
        if (held == null || held.expiresAtMs() < now.toEpochMilli()) {
            leases.put(name, new Held(owner, expiresAt.toEpochMilli()));
            return Optional.empty();
        }
        return Optional.of(new Lease(name, held.owner(), Instant.ofEpochMilli(held.expiresAtMs())));
    }

    @Override
    public synchronized void release(String name, String owner) {
        Held held = leases.get(name);
        if (held != null && held.owner().equals(owner)) {
            leases.remove(name);
        }
    }

    /**
     * As the adapter's bulk insert: first every name not yet held is taken, then each name that was held (or named
     * twice) is tried alone, so a name listed twice comes back as held by {@code owner} itself.
     */
    @Override
    public synchronized Map<String, Lease> tryAcquireAll(List<String> names, String owner, Instant now,
            Instant expiresAt) {
        Checks.notBlank("lease owner", owner);
        Objects.requireNonNull(expiresAt, "expiresAt");
        Map<String, Lease> held = new LinkedHashMap<>();
        names.forEach(n -> Checks.notBlank("lease name", n));
        List<String> taken = new ArrayList<>();
        for (String name : names) {
            if (leases.containsKey(name)) {
                taken.add(name);
            } else {
                leases.put(name, new Held(owner, expiresAt.toEpochMilli()));
            }
        }
        for (String name : taken) {
            tryAcquire(name, owner, now, expiresAt).ifPresent(l -> held.put(name, l));
        }
        return held;
    }

    @Override
    public synchronized void releaseAll(List<String> names, String owner) {
        names.forEach(n -> release(n, owner));
    }
}
