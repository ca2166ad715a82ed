package io.rebalancer.store.open;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.Stores;
import io.rebalancer.store.memory.MemoryStores;
import io.rebalancer.store.mongo.MongoStores;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreOpenerTest {
    @Test
    void open_inMemory_givesThePlainJavaStore() {
        try (Stores stores = StoreOpener.open(StoreConfig.inMemory())) {
            assertInstanceOf(MemoryStores.class, stores);
        }
    }

    @Test
    void open_embeddedFile_givesTheMongoAdapter(@TempDir Path dir) {
        try (Stores stores = StoreOpener.open(StoreConfig.embeddedFile(dir))) {
            assertInstanceOf(MongoStores.class, stores);
        }
    }

    @Test
    void open_noConfig_throwsNamingIt() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> StoreOpener.open(null));
        assertEquals("store config", e.getMessage());
    }
}
