package io.rebalancer.store.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.rebalancer.domain.Alert;
import io.rebalancer.domain.AlertSeverity;
import io.rebalancer.store.AlertStore;
import io.rebalancer.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bson.Document;

/** Collection {@code alerts}: one document per alert, {@code _id} = portfolio|day|code, so a repeat is refused. */
final class MongoAlertStore implements AlertStore {
    private final MongoCollection<Document> alerts;

    MongoAlertStore(MongoCollection<Document> alerts) {
        this.alerts = alerts;
    }

    @Override
    public boolean save(Alert a) {
        Objects.requireNonNull(a, "alert");
        Document doc = new Document("_id", a.key()).append("portfolio_id", a.portfolioId())
                .append("day", Docs.date(a.day())).append("code", a.code()).append("severity", a.severity().name())
                .append("message", a.message()).append("rule", a.rule()).append("raised_at", a.raisedAt().toString());
        return Docs.guard("saving alert " + a.key(), () -> Docs.insertIfAbsent(alerts, doc));
    }

    @Override
    public List<Alert> recent(String portfolioId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        List<Document> docs = Docs.guard("reading alerts", () -> alerts
                .find(portfolioId == null ? Filters.empty() : eq("portfolio_id", portfolioId))
                .sort(Sorts.descending("day", "raised_at")).limit(limit).into(new ArrayList<>()));
        List<Alert> out = new ArrayList<>();
        for (Document d : docs) {
            try {
                out.add(new Alert(d.getString("portfolio_id"), Docs.date(d, "day"), d.getString("code"),
                        AlertSeverity.valueOf(d.getString("severity")), d.getString("message"), d.getString("rule"),
                        Instant.parse(d.getString("raised_at"))));
            } catch (RuntimeException e) {
                throw new StoreException("stored alert " + d.get("_id") + " is invalid: " + e.getMessage(), e);
            }
        }
        return out;
    }
}
