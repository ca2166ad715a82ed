package io.rebalancer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.rebalancer.store.mongo.MongoStores;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The store contract against a real MongoDB; runs only when MONGODB_URI is set. Each test uses its own database
 * ({@code rebalancer_test_<random>}, authenticating where the URI says) and drops it afterwards.
 */
@EnabledIfEnvironmentVariable(named = "MONGODB_URI", matches = ".+")
class RealMongoTest extends StoreContract {
    private String testUri;
    private String testDb;

    @Override
    protected Stores open() {
        testDb = "rebalancer_test_" + UUID.randomUUID().toString().substring(0, 8);
        testUri = withDatabase(System.getenv("MONGODB_URI"), testDb);
        return MongoStores.open(StoreConfig.uri(testUri));
    }

    @AfterEach
    void dropTestDatabase() {
        try (MongoClient client = MongoClients.create(testUri)) {
            client.getDatabase(testDb).drop();
        }
    }

    /** The URI with its database replaced; credentials keep authenticating against the original database. */
    static String withDatabase(String uri, String db) {
        return io.rebalancer.testsupport.MongoUris.withDatabase(uri, db);
    }

    @Test
    void withDatabase_variousUris_replacesOnlyTheDatabase() {
        assertEquals("mongodb://h:27017/t", withDatabase("mongodb://h:27017", "t"));
        assertEquals("mongodb://h/t?w=1", withDatabase("mongodb://h/?w=1", "t"));
        assertEquals("mongodb://u:p@h/t?authSource=app", withDatabase("mongodb://u:p@h/app", "t"));
        assertEquals("mongodb://u:p@h/t?authSource=admin", withDatabase("mongodb://u:p@h/app?authSource=admin", "t"));
    }

    @Test
    void description_realUri_namesMongoWithoutPassword() {
        assertTrue(stores.description().startsWith("MongoDB at "), stores.description());
        String password = StoreConfig.passwordOf(testUri);
        if (password != null && !password.isEmpty()) {
            assertFalse(stores.description().contains(password));
        }
    }
}
