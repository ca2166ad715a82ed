package io.rebalancer.store;

import io.rebalancer.store.mongo.MongoStores;

/** The store contract against the embedded in-memory MongoDB-wire server. */
class InMemoryStoreTest extends StoreContract {
    @Override
    protected Stores open() {
        return MongoStores.open(StoreConfig.inMemory());
    }
}
