package io.rebalancer.store.open;

import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.Stores;
import io.rebalancer.store.memory.MemoryStores;
import io.rebalancer.store.mongo.MongoStores;
import java.util.Objects;

/** Opens the store a {@link StoreConfig} names: plain Java memory for {@code IN_MEMORY}, MongoDB otherwise. */
public final class StoreOpener {
    private StoreOpener() {
    }

    /** Opens (and for embedded stores starts) the store; fails fast with a {@code StoreException}. */
    public static Stores open(StoreConfig config) {
        Objects.requireNonNull(config, "store config");
        return config.kind() == StoreConfig.Kind.IN_MEMORY ? MemoryStores.open() : MongoStores.open(config);
    }
}
