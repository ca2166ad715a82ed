package io.rebalancer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rebalancer.store.mongo.MongoStores;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreConfigTest {
    static final Path HOME = Path.of("/home/u");

    @Test
    void fromEnvironment_uriOption_winsOverEverything() {
        StoreConfig c = StoreConfig.fromEnvironment("mongodb://opt/db", Path.of("/d"),
                Map.of("MONGODB_URI", "mongodb://env/db", "REBALANCER_HOME", "/r"), HOME);
        assertEquals(StoreConfig.uri("mongodb://opt/db"), c);
    }

    @Test
    void fromEnvironment_dataDirOption_winsOverEnvUri() {
        StoreConfig c = StoreConfig.fromEnvironment(null, Path.of("/d"), Map.of("MONGODB_URI", "mongodb://env/db"), HOME);
        assertEquals(StoreConfig.embeddedFile(Path.of("/d")), c);
    }

    @Test
    void fromEnvironment_envUri_winsOverRebalancerHome() {
        StoreConfig c = StoreConfig.fromEnvironment(null, null, Map.of("MONGODB_URI", "mongodb://env/db",
                "REBALANCER_HOME", "/r"), HOME);
        assertEquals(StoreConfig.uri("mongodb://env/db"), c);
    }

    @Test
    void fromEnvironment_dataDirOption_winsOverRebalancerHome() {
        StoreConfig c = StoreConfig.fromEnvironment(" ", Path.of("/d"), Map.of("REBALANCER_HOME", "/r"), HOME);
        assertEquals(StoreConfig.embeddedFile(Path.of("/d")), c);
        assertEquals(Path.of("/d/rebalancer.mv"), c.embeddedFilePath());
    }

    @Test
    void fromEnvironment_rebalancerHome_winsOverXdg() {
        StoreConfig c = StoreConfig.fromEnvironment(null, null, Map.of("REBALANCER_HOME", "/r", "XDG_DATA_HOME", "/x"), HOME);
        assertEquals(StoreConfig.embeddedFile(Path.of("/r")), c);
    }

    @Test
    void fromEnvironment_onlyXdg_usesXdgRebalancer() {
        StoreConfig c = StoreConfig.fromEnvironment(null, null, Map.of("XDG_DATA_HOME", "/x"), HOME);
        assertEquals(StoreConfig.embeddedFile(Path.of("/x/rebalancer")), c);
    }

    @Test
    void fromEnvironment_nothingSet_usesLocalShare() {
        StoreConfig c = StoreConfig.fromEnvironment(null, null, Map.of(), HOME);
        assertEquals(StoreConfig.embeddedFile(Path.of("/home/u/.local/share/rebalancer")), c);
    }

    @Test
    void maskUri_userAndPassword_masksOnlyPassword() {
        assertEquals("mongodb://user:***@host:27017/db?authSource=admin",
                StoreConfig.maskUri("mongodb://user:s3cr%40t@host:27017/db?authSource=admin"));
        assertEquals("mongodb+srv://u:***@cluster0.example.net/",
                StoreConfig.maskUri("mongodb+srv://u:p@cluster0.example.net/"));
        assertEquals("mongodb://host/db", StoreConfig.maskUri("mongodb://host/db"));
        assertEquals("mongodb://user@host/db", StoreConfig.maskUri("mongodb://user@host/db"));
    }

    @Test
    void passwordOf_uriWithPassword_extractsIt() {
        assertEquals("s3cr%40t", StoreConfig.passwordOf("mongodb://user:s3cr%40t@host:27017/db"));
        assertNull(StoreConfig.passwordOf("mongodb://host/db"));
    }

    @Test
    void descriptionAndToString_uri_neverShowPassword() {
        StoreConfig c = StoreConfig.uri("mongodb://user:secret@db.example:27017/reb");
        assertEquals("MongoDB at mongodb://user:***@db.example:27017/reb", c.description());
        assertFalse(c.toString().contains("secret"));
    }

    @Test
    void uri_notMongoScheme_throwsWithoutPassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StoreConfig.uri("http://user:secret@host"));
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void open_unreachableMongo_failsFastWithMaskedUri() {
        long start = System.nanoTime();
        StoreException e = assertThrows(StoreException.class,
                () -> MongoStores.open(StoreConfig.uri("mongodb://user:secret@127.0.0.1:1/x")));
        long seconds = (System.nanoTime() - start) / 1_000_000_000;
        assertTrue(e.getMessage().contains("mongodb://user:***@127.0.0.1:1/x"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
        assertNull(e.getCause(), "no driver exception (and its connection details) attached");
        assertTrue(seconds < 10, "took " + seconds + " s");
    }

    @Test
    void open_inMemory_describesItself() {
        try (Stores stores = MongoStores.open(StoreConfig.inMemory())) {
            assertEquals("embedded in-memory MongoDB-wire store", stores.description());
        }
    }

    @Test
    void maskUris_webAddresses_keepOnlySchemeHostAndPort() {
        // webhook services carry their secret in the user info, the path or the query
        assertEquals("cannot convert 'https://hooks.example.org/***' to URI",
                StoreConfig.maskUris("cannot convert 'https://hooks.example.org/x?api_key=abc123&sig=def456|' to URI"));
        assertEquals("https://***@hooks.example.org/***", StoreConfig.maskUri("https://ghp_SECRETTOKEN@hooks.example.org/x"));
        assertEquals("https://hooks.slack.com/***", StoreConfig.maskUri("https://hooks.slack.com/services/T0/B0/XXXX"));
        assertEquals("ftp://127.0.0.1/***", StoreConfig.maskUri("ftp://127.0.0.1/x?api_key=abc&sig=def"));
        assertEquals("http://127.0.0.1:18500?***", StoreConfig.maskUri("http://127.0.0.1:18500?token=abc"));
        assertEquals("http://127.0.0.1:18765", StoreConfig.maskUri("http://127.0.0.1:18765"));
        assertEquals("http://127.0.0.1:18765/", StoreConfig.maskUri("http://127.0.0.1:18765/"));
        // a MongoDB URI keeps its user, host and database for diagnosis, as before
        assertEquals("mongodb://user:***@db.example.org:27017/app", StoreConfig.maskUri("mongodb://user:pw@db.example.org:27017/app"));
    }
}
