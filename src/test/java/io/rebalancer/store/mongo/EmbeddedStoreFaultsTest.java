package io.rebalancer.store.mongo;

import io.rebalancer.cli.Main;
import io.rebalancer.store.StoreBusyException;
import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.StoreException;
import org.bson.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A damaged, read-only or busy embedded store is refused in one line, and never opened as empty or rewritten. */
class EmbeddedStoreFaultsTest {
    @TempDir
    Path dir;

    private Path storeWithData() {
        try (MongoStores stores = MongoStores.open(StoreConfig.embeddedFile(dir))) {
            stores.locks().tryAcquire("probe", "test", java.time.Instant.now(), java.time.Instant.now().plusSeconds(5));
        }
        return StoreConfig.embeddedFile(dir).embeddedFilePath();
    }

    @Test
    void open_fileCutToHalf_damagedAndUntouched() throws IOException {
        Path file = storeWithData();
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        byte[] cut = Files.readAllBytes(file);

        StoreException e = assertThrows(StoreException.class, () -> MongoStores.open(StoreConfig.embeddedFile(dir)));

        assertTrue(e.getMessage().contains("is damaged: it is " + cut.length + " bytes but was " + whole.length),
                e.getMessage());
        assertArrayEquals(cut, Files.readAllBytes(file));
        assertEquals(Main.exitCodeOf(e), 6);
    }

    @Test
    void open_fileCutToItsHeaderAfterACrash_refusedAndUntouched() throws IOException {
        // H2 read the first 8 KB (its header blocks) as a new, empty store, and the seed wrote over it: the decisions
        // and fills were gone with exit 0
        Path file = storeWithData();
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".seal"));
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, 8192));
        byte[] cut = Files.readAllBytes(file);

        StoreException e = assertThrows(StoreException.class, () -> MongoStores.open(StoreConfig.embeddedFile(dir)));

        assertEquals("embedded store " + file + " is 8192 bytes and holds no data (cut short or emptied); it was not"
                + " opened or changed. Restore it from a backup, or move it away to start afresh", e.getMessage());
        assertArrayEquals(cut, Files.readAllBytes(file));
        assertEquals(6, Main.exitCodeOf(e));
    }

    @Test
    void open_emptiedFileAfterACrash_refusedAndUntouched() throws IOException {
        Path file = storeWithData();
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".seal"));
        Files.write(file, new byte[0]);

        StoreException e = assertThrows(StoreException.class, () -> MongoStores.open(StoreConfig.embeddedFile(dir)));

        assertTrue(e.getMessage().contains(" is 0 bytes and holds no data"), e.getMessage());
        assertEquals(0, Files.size(file));
    }

    @Test
    void open_storeClosedWithNothingWritten_opensAgain() {
        // a new store that was opened and closed before anything was written is not mistaken for an emptied one
        try (MongoStores stores = MongoStores.open(StoreConfig.embeddedFile(dir))) {
            assertTrue(stores.prices().latestDate().isEmpty());
        }
        try (MongoStores stores = MongoStores.open(StoreConfig.embeddedFile(dir))) {
            assertTrue(stores.prices().latestDate().isEmpty());
        }
    }

    @Test
    void open_randomBytesAfterACrash_damagedAndUntouched() throws IOException {
        Path file = storeWithData();
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".seal")); // as after a kill -9
        byte[] junk = new byte[256 * 1024];
        new Random(14).nextBytes(junk);
        Files.write(file, junk);

        StoreException e = assertThrows(StoreException.class, () -> MongoStores.open(StoreConfig.embeddedFile(dir)));

        assertTrue(e.getMessage().contains("is damaged and cannot be read"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        assertArrayEquals(junk, Files.readAllBytes(file));
    }

    @Test
    void open_readOnlyFile_refusedBeforeAnything() throws IOException {
        Path file = storeWithData();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        Assumptions.assumeFalse(Files.isWritable(file), "running as root: permissions do not bind");

        StoreException e = assertThrows(StoreException.class, () -> MongoStores.open(StoreConfig.embeddedFile(dir)));

        assertTrue(e.getMessage().contains("is read-only"), e.getMessage());
    }

    @Test
    void open_storeHeldByAnotherProcess_busyNamingIt() throws Exception {
        storeWithData();
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldStoreMain.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals("holding")) {
                // start-up logging
            }
            assertEquals("holding", line);

            StoreBusyException e = assertThrows(StoreBusyException.class,
                    () -> MongoStores.open(StoreConfig.embeddedFile(dir)));

            assertTrue(e.getMessage().contains("is in use by process " + other.pid()), e.getMessage());
            assertEquals(8, Main.exitCodeOf(e));
        } finally {
            other.getOutputStream().close();
            assertTrue(other.waitFor(60, TimeUnit.SECONDS));
        }
        // once it let go the store opens, sealed cleanly by the other process
        MongoStores.open(StoreConfig.embeddedFile(dir)).close();
    }
}
