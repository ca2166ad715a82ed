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
}
