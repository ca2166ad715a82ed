package io.rebalancer.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rebalancer.store.mongo.MongoStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The store contract against a real MongoDB; runs only when MONGODB_URI is set. Uses random ids, deletes nothing. */
@EnabledIfEnvironmentVariable(named = "MONGODB_URI", matches = ".+")
class RealMongoTest extends StoreContract {
    @Override
    protected Stores open() {
        return MongoStores.open(StoreConfig.uri(System.getenv("MONGODB_URI")));
    }

    @Test
    void description_realUri_namesMongoWithoutPassword() {
        String uri = System.getenv("MONGODB_URI");
        assertTrue(stores.description().startsWith("MongoDB at "), stores.description());
        String password = StoreConfig.passwordOf(uri);
        if (password != null && !password.isEmpty()) {
            assertFalse(stores.description().contains(password));
        }
    }
}
