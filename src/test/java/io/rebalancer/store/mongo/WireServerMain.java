package io.rebalancer.store.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A MongoDB-wire server in a process of its own (for the tests): stands in for a real MongoDB that several
 * Rebalancer processes reach through {@code --mongo-uri}. Prints {@code port N} and serves until its stdin closes.
 */
public final class WireServerMain {
    private WireServerMain() {
    }

    public static void main(String[] args) throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        System.out.println("port " + server.getLocalAddress().getPort());
        System.out.flush();
        while (System.in.read() >= 0) {
            // serve until the test lets go
        }
        server.shutdownNow();
    }
}
