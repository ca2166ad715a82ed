package io.rebalancer.store.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.rebalancer.domain.MarketDay;
import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.Stores;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stores written by the first version of the adapter (market one document per date, no price_tickers) still open. */
class EarlierLayoutMigrationTest {

    @Test
    void open_marketOneDocPerDateAndNoTickerSummary_migratesAndKeepsData(@TempDir Path dir) {
        StoreConfig config = StoreConfig.embeddedFile(dir);
        H2Backend backend = new H2Backend(config.embeddedFilePath().toString());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoDatabase db = client.getDatabase(MongoStores.DEFAULT_DATABASE);
            db.getCollection("market").createIndex(Indexes.ascending("date"), new IndexOptions().unique(true));
            db.getCollection("market").insertMany(List.of(
                    new Document("_id", "2024-12-31").append("date", "2024-12-31").append("vix", 17.35).append("rf_daily", 1.7e-4),
                    new Document("_id", "2025-01-02").append("date", "2025-01-02").append("vix", 17.93).append("rf_daily", 1.71e-4)));
            db.getCollection("prices").insertOne(new Document("_id", "SPY:2025").append("ticker", "SPY").append("year", 2025)
                    .append("dates", List.of("2025-01-02")).append("open", List.of(589.39)).append("high", List.of(591.13))
                    .append("low", List.of(580.5)).append("close", List.of(584.64)).append("adj_close", List.of(578.0))
                    .append("volume", List.of(50203975L)));
            // a live decision stored before the live_decisions index existed
            db.getCollection("decisions").insertOne(new Document("cycle_id", "00112233aabbccdd")
                    .append("portfolio_id", "P1").append("as_of", "2025-01-02").append("run_id", null)
                    .append("record", "{\"n\": 1}"));
        }
        backend.commit();
        server.shutdown();

        try (Stores stores = MongoStores.open(config)) {
            assertEquals(List.of(new MarketDay(LocalDate.of(2024, 12, 31), 17.35, 1.7e-4),
                    new MarketDay(LocalDate.of(2025, 1, 2), 17.93, 1.71e-4)),
                    stores.prices().marketDays(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31)));
            assertEquals(Optional.of(LocalDate.of(2025, 1, 2)), stores.prices().latestDate());
            stores.prices().saveMarketDays(List.of(new MarketDay(LocalDate.of(2025, 1, 3), 16.13, 1.7e-4)));
            assertEquals(3, stores.prices().marketDays(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31)).size());
            assertEquals(List.of("{\"n\": 1}"), stores.decisions().recent("P1", null, 5));
            assertEquals(List.of("{\"n\": 1}"), stores.decisions().liveBetween("P1", LocalDate.of(2025, 1, 1),
                    LocalDate.of(2025, 1, 31)));
        }
    }

    @Test
    void open_twice_recordsTheLayoutVersionAndKeepsIndexes(@TempDir Path dir) {
        StoreConfig config = StoreConfig.embeddedFile(dir);
        try (Stores stores = MongoStores.open(config)) {
            stores.prices().saveMarketDays(List.of(new MarketDay(LocalDate.of(2025, 1, 3), 16.13, 1.7e-4)));
        }
        try (Stores stores = MongoStores.open(config)) {
            assertEquals(1, stores.prices().marketDays(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)).size());
        }
        H2Backend backend = new H2Backend(config.embeddedFilePath().toString());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoDatabase db = client.getDatabase(MongoStores.DEFAULT_DATABASE);
            assertEquals(MongoStores.SCHEMA_VERSION, db.getCollection("meta").find(new Document("_id", "schema")).first()
                    .getInteger("version"));
            List<String> keys = new java.util.ArrayList<>();
            db.getCollection("decisions").listIndexes().forEach(ix -> keys.add(ix.get("key", Document.class).toJson()));
            assertEquals(true, keys.stream().anyMatch(k -> k.contains("cycle_id")), keys.toString());
        } finally {
            server.shutdown();
        }
    }

    /** A layout-3 store: threshold states under ObjectIds, unique on (portfolio_id, run_id). */
    private static void writeLayout3ThresholdStates(StoreConfig config, boolean cutShort) {
        H2Backend backend = new H2Backend(config.embeddedFilePath().toString());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoDatabase db = client.getDatabase(MongoStores.DEFAULT_DATABASE);
            db.getCollection("meta").insertOne(new Document("_id", "schema").append("version", 3));
            var states = db.getCollection("threshold_state");
            states.createIndex(Indexes.ascending("portfolio_id", "run_id"), new IndexOptions().unique(true));
            states.insertMany(List.of(
                    stateDoc("P1", null, 0.004, "2025-01-02"),
                    stateDoc("P1", "bt-1", -0.002, "2024-12-31"),
                    stateDoc("P2", null, 0.0, "2025-01-03")));
            if (cutShort) { // a migration killed after its copies: P1's live state held twice
                states.dropIndexes();
                states.insertOne(stateDoc("P1", null, 0.004, "2025-01-02").append("_id", "live|P1"));
            }
        }
        backend.commit();
        server.shutdown();
    }

    private static Document stateDoc(String portfolio, String run, double offset, String day) {
        return new Document("portfolio_id", portfolio).append("run_id", run).append("persistent_offset", offset)
                .append("temporary_offset", 0.0).append("temporary_until", null).append("last_regime", "MODERATE")
                .append("last_rebalance", null).append("updated_as_of", day).append("last_cycle_id", "c-" + portfolio);
    }

    private static List<Object> storedIds(StoreConfig config) {
        H2Backend backend = new H2Backend(config.embeddedFilePath().toString());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            List<Object> ids = new java.util.ArrayList<>();
            client.getDatabase(MongoStores.DEFAULT_DATABASE).getCollection("threshold_state").find()
                    .forEach(d -> ids.add(d.get("_id")));
            ids.sort(java.util.Comparator.comparing(Object::toString));
            return ids;
        } finally {
            server.shutdown();
        }
    }

    @Test
    void open_layout3ThresholdStates_rekeysByIdAndKeepsEveryState(@TempDir Path dir) {
        StoreConfig config = StoreConfig.embeddedFile(dir);
        writeLayout3ThresholdStates(config, false);
        try (Stores stores = MongoStores.open(config)) {
            assertEquals(0.004, stores.thresholds().load("P1", null).orElseThrow().persistentOffset());
            assertEquals(-0.002, stores.thresholds().load("P1", "bt-1").orElseThrow().persistentOffset());
            assertEquals(LocalDate.of(2025, 1, 3), stores.thresholds().load("P2", null).orElseThrow().updatedAsOf());
            // a later day replaces the live state in place, through its _id
            var later = new io.rebalancer.store.ThresholdState("P1", null, 0.006, 0.0, null, "LOW_VOL", null,
                    LocalDate.of(2025, 1, 6), "c-P1b");
            stores.thresholds().saveAll(List.of(later));
            assertEquals(0.006, stores.thresholds().load("P1", null).orElseThrow().persistentOffset());
            assertEquals(java.util.Set.of("P1", "P2"), stores.thresholds()
                    .liveBeforeAll(List.of("P1", "P2"), LocalDate.of(2025, 2, 1)).keySet());
        }
        // ids worked out by hand from MongoThresholdStateStore.id: live|P, run|length of run id|run|P
        assertEquals(List.of("live|P1", "live|P2", "run|4|bt-1|P1"), storedIds(config));
    }

    @Test
    void open_layout3MigrationCutShort_finishesWithOneStatePerPair(@TempDir Path dir) {
        StoreConfig config = StoreConfig.embeddedFile(dir);
        writeLayout3ThresholdStates(config, true);
        try (Stores stores = MongoStores.open(config)) {
            assertEquals(0.004, stores.thresholds().load("P1", null).orElseThrow().persistentOffset());
        }
        assertEquals(List.of("live|P1", "live|P2", "run|4|bt-1|P1"), storedIds(config));
    }

    @Test
    void id_pipesInRunOrPortfolioIds_keepPairsApart() {
        assertEquals(false, MongoThresholdStateStore.id("b|c", "a").equals(MongoThresholdStateStore.id("c", "a|b")));
        assertEquals("run|1|a|b|c", MongoThresholdStateStore.id("b|c", "a"));
        assertEquals("run|3|a|b|c", MongoThresholdStateStore.id("c", "a|b"));
    }
}
