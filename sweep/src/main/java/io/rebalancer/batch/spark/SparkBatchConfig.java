package io.rebalancer.batch.spark;

import io.rebalancer.store.StoreConfig;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What every executor needs to run its shards of the nightly batch: where the store is (a MongoDB URI, or on
 * {@code local[*]} only an embedded data directory), the rules and backtest-data directories (absolute, as every
 * executor sees them), the day (null: the latest stored day), the model (null: every model), the number of shards
 * and the cycle workers each task runs.
 */
public record SparkBatchConfig(String mongoUri, String dataDir, String rules, String backtestData, LocalDate asOf,
                               String model, int shards, int workersPerTask) implements Serializable {
    public SparkBatchConfig {
        if ((mongoUri == null) == (dataDir == null)) {
            throw new IllegalArgumentException("give the store as --mongo-uri URI or (on local[*]) --data-dir DIR");
        }
        if (shards < 1) {
            throw new IllegalArgumentException("--shards must be at least 1, was " + shards);
        }
        if (workersPerTask < 1) {
            throw new IllegalArgumentException("--workers must be at least 1, was " + workersPerTask);
        }
    }

    StoreConfig storeConfig() {
        return mongoUri != null ? StoreConfig.uri(mongoUri) : StoreConfig.embeddedFile(Path.of(dataDir));
    }

    /** The store for messages: the URI with its password masked, or the data directory. */
    String storeName() {
        return mongoUri != null ? StoreConfig.maskUri(mongoUri) : dataDir;
    }
}
