package io.rebalancer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rebalancer.store.mongo.MongoStores;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedFileStoreTest {

    @Test
    void open_fileStore_persistsDecisionsAcrossReopen(@TempDir Path dir) {
        StoreConfig config = StoreConfig.embeddedFile(dir.resolve("nested"));
        try (Stores stores = MongoStores.open(config)) {
            assertEquals("embedded MongoDB-wire store at " + dir.resolve("nested/rebalancer.mv").toAbsolutePath(),
                    stores.description());
            assertTrue(stores.decisions().save("cycle-1", "P", LocalDate.of(2024, 1, 2), null, "{\"a\": 1}"));
        }
        try (Stores stores = MongoStores.open(config)) {
            assertEquals(Optional.of("{\"a\": 1}"), stores.decisions().find("cycle-1"));
        }
    }

    @Test
    void open_fileAlreadyOpen_throwsStoreExceptionNamingFile(@TempDir Path dir) {
        StoreConfig config = StoreConfig.embeddedFile(dir);
        try (Stores first = MongoStores.open(config)) {
            StoreException e = assertThrows(StoreBusyException.class, () -> MongoStores.open(config));
            assertTrue(e.getMessage().equals("embedded store " + dir.resolve("rebalancer.mv")
                    + " is already open in this process"), e.getMessage());
        }
    }
}
