package io.rebalancer.store.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.rebalancer.domain.Checks;
import io.rebalancer.domain.Regime;
import io.rebalancer.domain.ScenarioType;
import io.rebalancer.store.OutcomeLog;
import io.rebalancer.store.ScoredDecision;
import io.rebalancer.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/** Collection {@code outcomes}: one flat document per scored live decision, {@code _id} = its cycle id. */
final class MongoOutcomeLog implements OutcomeLog {
    private final MongoCollection<Document> outcomes;

    MongoOutcomeLog(MongoCollection<Document> outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public void save(List<ScoredDecision> scored) {
        if (scored.isEmpty()) {
            return;
        }
        List<ReplaceOneModel<Document>> writes = new ArrayList<>();
        for (ScoredDecision s : scored) {
            Document doc = new Document("_id", s.cycleId()).append("portfolio_id", s.portfolioId())
                    .append("decided", Docs.date(s.decided())).append("matured_on", Docs.date(s.maturedOn()))
                    .append("regime", s.regime().name()).append("chosen", s.chosen().name())
                    .append("regret", s.regret()).append("active_return", s.activeReturn());
            writes.add(new ReplaceOneModel<>(eq("_id", s.cycleId()), doc, new ReplaceOptions().upsert(true)));
        }
        Docs.guardRun("saving " + scored.size() + " scored decisions", () -> outcomes.bulkWrite(writes));
    }

    @Override
    public List<ScoredDecision> of(String portfolioId) {
        Checks.notBlank("portfolio id", portfolioId);
        List<Document> docs = Docs.guard("reading the scored decisions of " + portfolioId, () -> outcomes
                .find(eq("portfolio_id", portfolioId)).sort(Sorts.ascending("decided")).into(new ArrayList<>()));
        List<ScoredDecision> out = new ArrayList<>();
        for (Document d : docs) {
            out.add(read(d));
        }
        return out;
    }

    @Override
    public java.util.Map<String, List<ScoredDecision>> byPortfolio() {
        java.util.Map<String, List<ScoredDecision>> out = new java.util.HashMap<>();
        Docs.guardRun("reading every scored decision", () -> outcomes.find().sort(Sorts.ascending("decided"))
                .forEach(d -> out.computeIfAbsent(d.getString("portfolio_id"), k -> new ArrayList<>()).add(read(d))));
        return out;
    }

    private static ScoredDecision read(Document d) {
        try {
            return new ScoredDecision(d.getString("_id"), d.getString("portfolio_id"), Docs.date(d, "decided"),
                    Docs.date(d, "matured_on"), Regime.valueOf(d.getString("regime")),
                    ScenarioType.valueOf(d.getString("chosen")), Docs.number(d, "regret"),
                    Docs.number(d, "active_return"));
        } catch (RuntimeException e) {
            throw new StoreException("stored outcome " + d.get("_id") + " is invalid: " + e.getMessage(), e);
        }
    }
}
