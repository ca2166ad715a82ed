package io.rebalancer.store.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.rebalancer.store.DecisionLog;
import io.rebalancer.store.PortfolioStore;
import io.rebalancer.store.PriceStore;
import io.rebalancer.store.LedgerStore;
import io.rebalancer.store.LockStore;
import io.rebalancer.store.OutcomeLog;
import io.rebalancer.store.RunStore;
import io.rebalancer.store.SnapshotStore;
import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.StoreException;
import io.rebalancer.store.Stores;
import io.rebalancer.store.ThresholdStateStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

/**
 * {@link Stores} on MongoDB through the official sync driver. Embedded configurations start a de.bwaldvogel
 * MongoDB-wire server (H2 file or memory backend) on 127.0.0.1 and an ephemeral port, and then talk to it
 * through the same driver and adapter code as a real MongoDB.
 */
public final class MongoStores implements Stores {
    /** Database used when the URI names none, and always for the embedded server. */
    public static final String DEFAULT_DATABASE = "rebalancer";
    /** Version of the collection layout and indexes; raise it when {@link #ensureIndexes} changes. */
    static final int SCHEMA_VERSION = 4;
    static final int CONNECT_TIMEOUT_SECONDS = 3;

    private final StoreConfig config;
    private final MongoServer server;
    private final MongoBackend backend;
    private final MongoClient client;
    private final MongoPortfolioStore portfolios;
    private final MongoPriceStore prices;
    private final MongoDecisionLog decisions;
    private final MongoThresholdStateStore thresholds;
    private final MongoSnapshotStore snapshots;
    private final MongoRunStore runs;
    private final MongoLedgerStore ledger;
    private final MongoLockStore locks;
    private final MongoOutcomeLog outcomes;
    private final MongoAlertStore alerts;
    private final com.mongodb.client.MongoCollection<org.bson.Document> meta;
    private boolean closed;
    private EmbeddedStoreFile guard;

    private MongoStores(StoreConfig config, MongoServer server, MongoBackend backend, MongoClient client,
            MongoDatabase db) {
        this.config = config;
        this.server = server;
        this.backend = backend;
        this.client = client;
        this.portfolios = new MongoPortfolioStore(db.getCollection("portfolios"), db.getCollection("models"));
        this.prices = new MongoPriceStore(db.getCollection("prices"), db.getCollection("market"),
                db.getCollection("price_tickers"));
        this.decisions = new MongoDecisionLog(db.getCollection("decisions"), db.getCollection("live_decisions"));
        this.thresholds = new MongoThresholdStateStore(db.getCollection("threshold_state"),
                db.getCollection("threshold_history"));
        this.snapshots = new MongoSnapshotStore(db.getCollection("snapshots"));
        this.runs = new MongoRunStore(db.getCollection("runs"), db.getCollection("decisions"),
                db.getCollection("snapshots"), Clock.systemUTC());
        this.ledger = new MongoLedgerStore(db.getCollection("executions"));
        this.locks = new MongoLockStore(db.getCollection("locks"));
        this.outcomes = new MongoOutcomeLog(db.getCollection("outcomes"));
        this.alerts = new MongoAlertStore(db.getCollection("alerts"));
        this.meta = db.getCollection("meta");
        this.prices.rebuildTickerSummariesIfMissing();
    }

    /** Opens (and for embedded stores starts) the database; fails fast with a {@link StoreException}. */
    public static MongoStores open(StoreConfig config) {
        Objects.requireNonNull(config, "store config");
        return switch (config.kind()) {
            case IN_MEMORY -> openEmbedded(config, new MemoryBackend());
            case EMBEDDED_FILE -> openEmbeddedFile(config);
            case URI -> openUri(config);
        };
    }

    private static MongoStores openEmbeddedFile(StoreConfig config) {
        Path file = config.embeddedFilePath();
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new StoreException("cannot create data directory " + config.dataDir() + ": " + e.getMessage(), e);
        }
        EmbeddedStoreFile guard = EmbeddedStoreFile.open(file);
        try {
            guard.refuseIfItHoldsNothing();
            H2Backend backend;
            try {
                backend = new H2Backend(file.toString());
            } catch (RuntimeException e) {
                throw new StoreException("embedded store " + file + " is damaged and cannot be read ("
                        + Docs.firstLine(e.getMessage()) + "); it was not changed. Restore it from a backup, or move"
                        + " it away to start afresh", e);
            }
            // every write committed before it is acknowledged, so a killed process loses nothing it reported
            MongoStores stores = openEmbedded(config, new DurableCommands(backend));
            stores.guard = guard;
            return stores;
        } catch (RuntimeException e) {
            guard.release();
            throw e;
        }
    }

    private static MongoStores openEmbedded(StoreConfig config, MongoBackend backend) {
        MongoServer server = new MongoServer(backend);
        MongoClient client = null;
        try {
            server.bind("127.0.0.1", 0);
            InetSocketAddress address = server.getLocalAddress();
            client = MongoClients.create(settings(new ConnectionString(
                    "mongodb://127.0.0.1:" + address.getPort() + "/" + DEFAULT_DATABASE)));
            MongoDatabase db = client.getDatabase(DEFAULT_DATABASE);
            ensureIndexes(db, false);
            return new MongoStores(config, server, backend, client, db);
        } catch (RuntimeException e) {
            if (client != null) {
                client.close();
            }
            server.shutdownNow();
            throw e instanceof StoreException se ? se
                    : new StoreException("cannot start the " + config.description() + ": " + Docs.firstLine(e.getMessage()), e);
        }
    }

    private static MongoStores openUri(StoreConfig config) {
        String masked = StoreConfig.maskUri(config.uri());
        ConnectionString cs;
        try {
            cs = new ConnectionString(config.uri());
        } catch (IllegalArgumentException e) {
            throw new StoreException("invalid MongoDB URI " + masked + ": " + scrub(e.getMessage(), config.uri()));
        }
        String dbName = cs.getDatabase() == null ? DEFAULT_DATABASE : cs.getDatabase();
        MongoClient client = MongoClients.create(settings(cs));
        try {
            MongoDatabase db = client.getDatabase(dbName);
            db.runCommand(new Document("ping", 1));
            ensureIndexes(db, true);
            return new MongoStores(config, null, null, client, db);
        } catch (MongoTimeoutException e) {
            client.close();
            throw new StoreException("cannot reach MongoDB at " + masked + " within " + CONNECT_TIMEOUT_SECONDS
                    + " s (is the server running and the URI right?)", null);
        } catch (MongoSecurityException e) {
            client.close();
            throw new StoreException("MongoDB at " + masked + " refused the credentials", null);
        } catch (MongoException e) {
            client.close();
            throw new StoreException("MongoDB at " + masked + " failed: " + e.getClass().getSimpleName() + " "
                    + scrub(Docs.firstLine(e.getMessage()), config.uri()), null);
        }
    }

    private static MongoClientSettings settings(ConnectionString cs) {
        return MongoClientSettings.builder().applyConnectionString(cs)
                .applyToClusterSettings(b -> b.serverSelectionTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .applyToSocketSettings(b -> b.connectTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .build();
    }

    private static String scrub(String message, String uri) {
        String password = StoreConfig.passwordOf(uri);
        if (message == null) {
            return "";
        }
        return password == null || password.isEmpty() ? message : message.replace(password, "***");
    }

    /**
     * Brings an older layout up to date and creates the indexes, once per database: a {@code meta} document
     * records the layout version, so opening an up-to-date store costs one read instead of seven commands.
     */
    private static void ensureIndexes(MongoDatabase db, boolean realServer) {
        MongoCollection<Document> meta = db.getCollection("meta");
        Document schema = meta.find(new Document("_id", "schema")).first();
        if (schema != null && Integer.valueOf(SCHEMA_VERSION).equals(schema.getInteger("version"))) {
            return;
        }
        MongoMarketDays.migrateOneDocumentPerDate(db.getCollection("market"));
        IndexOptions unique = new IndexOptions().unique(true);
        db.getCollection("prices").createIndex(Indexes.ascending("ticker", "year"), unique);
        db.getCollection("market").createIndex(Indexes.ascending("year"), unique);
        db.getCollection("decisions").createIndex(Indexes.ascending("cycle_id"), unique);
        db.getCollection("snapshots").createIndex(Indexes.ascending("run_id", "portfolio_id", "date"), unique);
        db.getCollection("runs").createIndex(Indexes.ascending("run_id"), unique);
        db.getCollection("models").createIndex(Indexes.ascending("model", "effective_from"), unique);
        if (realServer) {
            secondaryIndexes(db);
        }
        if (schema == null || schema.getInteger("version", 0) < 4) {
            MongoThresholdStateStore.migrateToIdKeys(db.getCollection("threshold_state"));
        }
        if (schema == null || schema.getInteger("version", 0) < 2) {
            MongoDecisionLog.rebuildLiveIndex(db.getCollection("decisions"), db.getCollection("live_decisions"));
        }
        meta.replaceOne(new Document("_id", "schema"), new Document("_id", "schema").append("version", SCHEMA_VERSION),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    /**
     * The compound keys on portfolio and day that a real MongoDB needs for a book of thousands of portfolios (every
     * per-portfolio lookup of the live state and the batch's reads by day). The embedded backend has no secondary
     * indexes (it would warn and ignore them on every open), so they are created on a real server only.
     */
    static void secondaryIndexes(MongoDatabase db) {
        db.getCollection("portfolios").createIndex(Indexes.ascending("model"));
        db.getCollection("live_decisions").createIndex(Indexes.ascending("portfolio_id", "as_of"));
        db.getCollection("live_decisions").createIndex(Indexes.ascending("as_of", "portfolio_id"));
        db.getCollection("threshold_history").createIndex(Indexes.ascending("portfolio_id", "updated_as_of"));
        db.getCollection("snapshots").createIndex(Indexes.ascending("portfolio_id", "date"));
        db.getCollection("executions").createIndex(Indexes.ascending("portfolio_id", "date"));
        db.getCollection("outcomes").createIndex(Indexes.ascending("portfolio_id", "decided"));
    }

    @Override
    public PortfolioStore portfolios() {
        return portfolios;
    }

    @Override
    public PriceStore prices() {
        return prices;
    }

    @Override
    public DecisionLog decisions() {
        return decisions;
    }

    @Override
    public ThresholdStateStore thresholds() {
        return thresholds;
    }

    @Override
    public SnapshotStore snapshots() {
        return snapshots;
    }

    @Override
    public RunStore runs() {
        return runs;
    }

    @Override
    public LedgerStore ledger() {
        return ledger;
    }

    @Override
    public LockStore locks() {
        return locks;
    }

    @Override
    public OutcomeLog outcomes() {
        return outcomes;
    }

    @Override
    public io.rebalancer.store.AlertStore alerts() {
        return alerts;
    }

    /** The {@code meta} document {@code seed} says how the last seed ended; stores seeded before it existed have none. */
    @Override
    public boolean seeded() {
        org.bson.Document seed = meta.find(new org.bson.Document("_id", "seed")).first();
        return seed == null ? prices.latestDate().isPresent() : "done".equals(seed.getString("state"));
    }

    @Override
    public void markSeed(boolean done) {
        meta.replaceOne(new org.bson.Document("_id", "seed"),
                new org.bson.Document("_id", "seed").append("state", done ? "done" : "in_progress"),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    @Override
    public String description() {
        return config.description();
    }

    /** Closes the client; an embedded server is committed (H2) and shut down. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        client.close();
        if (server != null) {
            if (backend instanceof DurableCommands durable) {
                durable.backend().commit();
            } else if (backend instanceof H2Backend h2) {
                h2.commit();
            }
            server.shutdown();
        }
        if (guard != null) {
            guard.sealAndRelease();
        }
    }

    @Override
    public String toString() {
        return "MongoStores[" + description() + "]";
    }
}
