package io.rebalancer.store.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import io.rebalancer.domain.Checks;
import io.rebalancer.store.DecisionLog;
import io.rebalancer.store.StoreException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Collection {@code decisions}: {@code {cycle_id, portfolio_id, as_of, run_id, record}} with the caller's JSON kept
 * as text in {@code record}; unique on {@code cycle_id}. Insertion order is the driver-generated ObjectId
 * {@code _id}. The record is text, not a sub-document, because the embedded server's H2 backend stores nested
 * documents with Java serialisation: a backtest's 1,100 records (18 MB) took most of the run's store time and
 * made every scan of the collection slow. Documents of the first layout (a {@code decision} sub-document) are
 * still read.
 */
final class MongoDecisionLog implements DecisionLog {
    /** Length of a full cycle id: a lookup of this length is exact, never a prefix search. */
    static final int CYCLE_ID_LENGTH = 16;

    private final MongoCollection<Document> decisions;
    private final MongoCollection<Document> liveIndex;

    /**
     * @param liveIndex collection {@code live_decisions}: {@code {_id: cycle id, portfolio_id, as_of}} of every live
     *                  decision. The embedded backend has no secondary indexes, so without it every lookup of live
     *                  decisions would read the backtests' thousands of records; with it, it reads the small entries
     *                  and then fetches the records through the unique index on {@code cycle_id}.
     */
    MongoDecisionLog(MongoCollection<Document> decisions, MongoCollection<Document> liveIndex) {
        this.decisions = decisions;
        this.liveIndex = liveIndex;
    }

    /** Builds {@code live_decisions} from the stored live decisions (stores written before it existed). */
    static void rebuildLiveIndex(MongoCollection<Document> decisions, MongoCollection<Document> liveIndex) {
        liveIndex.deleteMany(new Document());
        List<Document> entries = new ArrayList<>();
        decisions.find(eq("run_id", null)).projection(new Document("cycle_id", 1).append("portfolio_id", 1)
                .append("as_of", 1)).forEach(d -> entries.add(indexEntry(d.getString("cycle_id"),
                d.getString("portfolio_id"), d.getString("as_of"))));
        if (!entries.isEmpty()) {
            liveIndex.insertMany(entries);
        }
    }

    private static Document indexEntry(String cycleId, String portfolioId, String asOf) {
        return new Document("_id", cycleId).append("portfolio_id", portfolioId).append("as_of", asOf);
    }

    @Override
    public boolean save(String cycleId, String portfolioId, LocalDate asOf, String runId, String json) {
        Checks.notBlank("cycle id", cycleId);
        Checks.notBlank("portfolio id", portfolioId);
        Objects.requireNonNull(asOf, "asOf");
        if (runId != null) {
            Checks.notBlank("run id", runId);
        }
        String record = json == null ? "" : json.strip();
        if (!record.startsWith("{") || !record.endsWith("}")) {
            throw new StoreException("decision of cycle " + cycleId + " is not a JSON object");
        }
        Document doc = new Document("cycle_id", cycleId).append("portfolio_id", portfolioId)
                .append("as_of", asOf.toString()).append("run_id", runId).append("record", record);
        return Docs.guard("saving decision " + cycleId, () -> {
            if (runId == null) {
                // the entry first: a crash in between leaves an entry without a record, which lookups skip
                liveIndex.replaceOne(eq("_id", cycleId), indexEntry(cycleId, portfolioId, asOf.toString()),
                        new com.mongodb.client.model.ReplaceOptions().upsert(true));
            }
            return Docs.insertIfAbsent(decisions, doc);
        });
    }

    @Override
    public Optional<String> find(String cycleIdOrPrefix) {
        Checks.notBlank("cycle id", cycleIdOrPrefix);
        return Docs.guard("finding decision " + cycleIdOrPrefix, () -> {
            Document exact = decisions.find(eq("cycle_id", cycleIdOrPrefix)).first();
            if (exact != null) {
                return Optional.of(json(exact));
            }
            if (cycleIdOrPrefix.length() < MIN_PREFIX || cycleIdOrPrefix.length() >= CYCLE_ID_LENGTH) {
                return Optional.<String>empty();
            }
            List<Document> matches = new ArrayList<>();
            decisions.find(regex("cycle_id", "^" + escapeRegex(cycleIdOrPrefix))).limit(2).into(matches);
            if (matches.size() > 1) {
                throw new StoreException("cycle id prefix '" + cycleIdOrPrefix + "' is ambiguous: it matches "
                        + matches.get(0).getString("cycle_id") + ", " + matches.get(1).getString("cycle_id")
                        + " and maybe more");
            }
            return matches.stream().findFirst().map(MongoDecisionLog::json);
        });
    }

    @Override
    public List<String> recent(String portfolioId, String runId, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        Bson sort = Sorts.orderBy(Sorts.descending("as_of"), Sorts.descending("_id"));
        if (runId == null) {
            return Docs.guard("reading recent decisions", () -> {
                List<String> ids = new ArrayList<>();
                // a few more than asked, so that several decisions of the boundary day all come back to be ordered
                liveIndex.find(portfolioId == null ? new Document() : eq("portfolio_id", portfolioId))
                        .sort(Sorts.descending("as_of")).limit(limit + 8).forEach(d -> ids.add(d.getString("_id")));
                List<String> out = new ArrayList<>();
                if (!ids.isEmpty()) {
                    decisions.find(in("cycle_id", ids)).sort(sort).limit(limit).forEach(d -> out.add(json(d)));
                }
                return out;
            });
        }
        Bson filter = portfolioId == null ? eq("run_id", runId) : and(eq("portfolio_id", portfolioId), eq("run_id", runId));
        return list("reading recent decisions", filter, sort, limit);
    }

    @Override
    public List<String> liveBetween(String portfolioId, LocalDate from, LocalDate to) {
        Checks.notBlank("portfolio id", portfolioId);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return Docs.guard("reading the decisions of " + portfolioId + " from " + from + " to " + to, () -> {
            List<String> ids = new ArrayList<>();
            liveIndex.find(and(eq("portfolio_id", portfolioId), gte("as_of", from.toString()), lte("as_of", to.toString())))
                    .forEach(d -> ids.add(d.getString("_id")));
            List<String> out = new ArrayList<>();
            if (!ids.isEmpty()) {
                decisions.find(in("cycle_id", ids)).sort(Sorts.orderBy(Sorts.ascending("as_of"), Sorts.ascending("_id")))
                        .forEach(d -> out.add(json(d)));
            }
            return out;
        });
    }

    @Override
    public List<String> byRun(String runId) {
        Checks.notBlank("run id", runId);
        return list("reading decisions of run " + runId, eq("run_id", runId),
                Sorts.orderBy(Sorts.ascending("as_of"), Sorts.ascending("_id")), 0);
    }

    private List<String> list(String operation, Bson filter, Bson sort, int limit) {
        return Docs.guard(operation, () -> {
            List<String> out = new ArrayList<>();
            decisions.find(filter).sort(sort).limit(limit).forEach(d -> out.add(json(d)));
            return out;
        });
    }

    private static String json(Document stored) {
        Object record = stored.get("record");
        if (record instanceof String text) {
            return text;
        }
        Document decision = stored.get("decision", Document.class);
        if (decision == null) {
            throw new StoreException("stored decision " + stored.get("cycle_id") + " has no decision document");
        }
        return Docs.toJson(decision);
    }

    static String escapeRegex(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("\\^$.|?*+()[]{}".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    @Override
    public List<LiveRef> liveRefs() {
        return Docs.guard("reading the live decisions' index", () -> {
            List<LiveRef> out = new ArrayList<>();
            liveIndex.find().forEach(d -> out.add(new LiveRef(d.getString("_id"), d.getString("portfolio_id"),
                    LocalDate.parse(d.getString("as_of")))));
            return out;
        });
    }

    @Override
    public int saveAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        List<com.mongodb.client.model.WriteModel<Document>> index = new ArrayList<>();
        List<Document> docs = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            Checks.notBlank("cycle id", e.cycleId());
            Checks.notBlank("portfolio id", e.portfolioId());
            String record = e.json() == null ? "" : e.json().strip();
            if (!record.startsWith("{") || !record.endsWith("}")) {
                throw new StoreException("decision of cycle " + e.cycleId() + " is not a JSON object");
            }
            if (e.runId() == null) {
                index.add(new com.mongodb.client.model.ReplaceOneModel<>(eq("_id", e.cycleId()),
                        indexEntry(e.cycleId(), e.portfolioId(), e.asOf().toString()),
                        new com.mongodb.client.model.ReplaceOptions().upsert(true)));
            }
            docs.add(new Document("cycle_id", e.cycleId()).append("portfolio_id", e.portfolioId())
                    .append("as_of", e.asOf().toString()).append("run_id", e.runId()).append("record", record));
        }
        return Docs.guard("saving " + entries.size() + " decisions", () -> {
            // the entries first, as in save: an entry without a record is skipped by lookups
            if (!index.isEmpty()) {
                liveIndex.bulkWrite(index, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
            }
            try {
                decisions.insertMany(docs, new com.mongodb.client.model.InsertManyOptions().ordered(false));
                return docs.size();
            } catch (com.mongodb.MongoBulkWriteException e) {
                for (com.mongodb.bulk.BulkWriteError error : e.getWriteErrors()) {
                    if (error.getCategory() != com.mongodb.ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                }
                return docs.size() - e.getWriteErrors().size();
            }
        });
    }
}
