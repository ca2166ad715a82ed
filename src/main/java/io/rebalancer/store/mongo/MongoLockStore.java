package io.rebalancer.store.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import io.rebalancer.domain.Checks;
import io.rebalancer.store.LockStore;
import java.time.Instant;
import java.util.Optional;
import org.bson.Document;

/**
 * Collection {@code locks}: one document per lease, {@code _id} = its name, with {@code owner} and
 * {@code expires_at_ms}. Taking a free lease is an insert (the unique {@code _id} decides a race); taking an
 * expired one is a conditional update on the expiry, so two processes cannot both win it.
 */
final class MongoLockStore implements LockStore {
    private final MongoCollection<Document> locks;

    MongoLockStore(MongoCollection<Document> locks) {
        this.locks = locks;
    }

    @Override
    public Optional<Lease> tryAcquire(String name, String owner, Instant now, Instant expiresAt) {
        Checks.notBlank("lease name", name);
        Checks.notBlank("lease owner", owner);
        return Docs.guard("taking the lease " + name, () -> {
            try {
                locks.insertOne(new Document("_id", name).append("owner", owner)
                        .append("expires_at_ms", expiresAt.toEpochMilli()));
                return Optional.empty();
            } catch (MongoWriteException e) {
                if (!Docs.isDuplicateKey(e)) {
                    throw e;
                }
            }
            Document taken = locks.findOneAndUpdate(and(eq("_id", name), lt("expires_at_ms", now.toEpochMilli())),
                    Updates.combine(Updates.set("owner", owner), Updates.set("expires_at_ms", expiresAt.toEpochMilli())));
            if (taken != null) {
                return Optional.empty();
            }
            Document held = locks.find(eq("_id", name)).first();
            if (held == null) {
                // released between the insert and the update: try once more from the start
                return tryAcquire(name, owner, now, expiresAt);
            }
            return Optional.of(new Lease(name, held.getString("owner"),
                    Instant.ofEpochMilli(((Number) held.get("expires_at_ms")).longValue())));
        });
    }

    @Override
    public void release(String name, String owner) {
        Docs.guardRun("releasing the lease " + name, () -> locks.deleteOne(and(eq("_id", name), eq("owner", owner))));
    }

    @Override
    public java.util.Map<String, Lease> tryAcquireAll(java.util.List<String> names, String owner, Instant now,
            Instant expiresAt) {
        Checks.notBlank("lease owner", owner);
        java.util.Map<String, Lease> held = new java.util.LinkedHashMap<>();
        if (names.isEmpty()) {
            return held;
        }
        java.util.List<Document> docs = new java.util.ArrayList<>(names.size());
        names.forEach(n -> docs.add(new Document("_id", n).append("owner", owner)
                .append("expires_at_ms", expiresAt.toEpochMilli())));
        java.util.List<String> taken = new java.util.ArrayList<>();
        Docs.guardRun("taking " + names.size() + " leases", () -> {
            try {
                locks.insertMany(docs, new com.mongodb.client.model.InsertManyOptions().ordered(false));
            } catch (com.mongodb.MongoBulkWriteException e) {
                for (com.mongodb.bulk.BulkWriteError error : e.getWriteErrors()) {
                    if (error.getCategory() != com.mongodb.ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    taken.add(names.get(error.getIndex()));
                }
            }
        });
        // a lease already there may have expired: those few go one by one
        for (String name : taken) {
            tryAcquire(name, owner, now, expiresAt).ifPresent(l -> held.put(name, l));
        }
        return held;
    }

    @Override
    public void releaseAll(java.util.List<String> names, String owner) {
        if (names.isEmpty()) {
            return;
        }
        Docs.guardRun("releasing " + names.size() + " leases", () -> locks.deleteMany(and(
                com.mongodb.client.model.Filters.in("_id", names), eq("owner", owner))));
    }
}
