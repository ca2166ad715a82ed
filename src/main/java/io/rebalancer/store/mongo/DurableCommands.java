package io.rebalancer.store.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The embedded H2 backend with every write command committed before it is acknowledged. H2's MVStore on its own
 * commits in the background about once a second and at close, so a process killed (SIGKILL, OOM killer, power
 * cut of the JVM) just after a write was acknowledged lost it: an execution the command line had already reported
 * was gone from the ledger (KillDuringWritesTest). With this wrapper what a command has acknowledged is in the
 * file, and since an MVStore commit is atomic the file after a kill holds a prefix of the acknowledged writes.
 */
final class DurableCommands implements MongoBackend {
    /** The commands that change data (lower case); reads and cursor commands commit nothing. */
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "createindexes",
            "create", "drop", "dropdatabase", "dropindexes", "renamecollection");

    private final H2Backend backend;

    DurableCommands(H2Backend backend) {
        this.backend = backend;
    }

    H2Backend backend() {
        return backend;
    }

    static boolean isWrite(String command) {
        return command != null && WRITES.contains(command.toLowerCase(Locale.ROOT));
    }

    private static String commandOf(Document document) {
        return document == null || document.isEmpty() ? null : document.keySet().iterator().next();
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        Document reply = backend.handleCommand(channel, database, command, query);
        if (isWrite(command)) {
            backend.commit();
        }
        return reply;
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document reply = backend.handleMessage(message);
        if (isWrite(commandOf(message.getDocument()))) {
            backend.commit();
        }
        return reply;
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        QueryResult result = backend.handleQuery(query);
        String name = query.getCollectionName();
        if (name != null && name.endsWith("$cmd") && isWrite(commandOf(query.getQuery()))) {
            backend.commit();
        }
        return result;
    }

    @Override
    public void handleClose(Channel channel) {
        backend.handleClose(channel);
    }

    @Override
    public void dropDatabase(String database) {
        backend.dropDatabase(database);
        backend.commit();
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return backend.getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return backend.getServerStatus();
    }

    @Override
    public void close() {
        backend.close();
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        backend.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return backend.getClock();
    }

    @Override
    public void enableOplog() {
        backend.enableOplog();
    }

    @Override
    public void disableOplog() {
        backend.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return backend.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        backend.version(version);
        return this;
    }
}
