package io.rebalancer.store.mongo;

import io.rebalancer.store.StoreConfig;

import java.nio.file.Path;

/** Another process on a store (for the tests): opens it, says so, and holds it until its stdin closes. */
public final class HoldStoreMain {
    private HoldStoreMain() {
    }

    public static void main(String[] args) throws Exception {
        try (MongoStores stores = MongoStores.open(StoreConfig.embeddedFile(Path.of(args[0])))) {
            System.out.println("holding");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the test to let go
            }
        }
    }
}
