package io.rebalancer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rebalancer.store.memory.MemoryStores;
import org.junit.jupiter.api.Test;

/** The store contract against the plain-Java in-memory store. */
class MemoryStoreTest extends StoreContract {
    @Override
    protected Stores open() {
        return MemoryStores.open();
    }

    @Test
    void description_memoryStore_saysNothingIsKept() {
        assertEquals("in-memory store (plain Java, nothing kept)", stores.description());
    }
}
