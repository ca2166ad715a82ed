package io.rebalancer.store.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import io.rebalancer.domain.Checks;
import io.rebalancer.domain.Execution;
import io.rebalancer.domain.Fill;
import io.rebalancer.domain.Side;
import io.rebalancer.domain.Ticker;
import io.rebalancer.store.LedgerStore;
import io.rebalancer.store.StoreException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;

/**
 * Collection {@code executions}: one document per execution, {@code _id} = {@link Execution#id()}, with the
 * decision's {@code cycle_id} and the fills inside, so a crash never leaves half an execution. Money is stored as
 * decimal strings (exact).
 */
final class MongoLedgerStore implements LedgerStore {
    private final MongoCollection<Document> executions;

    MongoLedgerStore(MongoCollection<Document> executions) {
        this.executions = executions;
    }

    @Override
    public boolean save(Execution e) {
        Objects.requireNonNull(e, "execution");
        List<Document> fills = new ArrayList<>();
        for (Fill f : e.fills()) {
            fills.add(new Document("client_order_id", f.clientOrderId()).append("ticker", f.ticker().symbol())
                    .append("side", f.side().name()).append("shares", f.shares())
                    .append("price", f.price().toPlainString()).append("value", f.value().toPlainString())
                    .append("cost", f.cost().toPlainString()));
        }
        Document doc = new Document("_id", e.id()).append("cycle_id", e.cycleId()).append("portfolio_id", e.portfolioId())
                .append("date", Docs.date(e.date())).append("tranche", e.tranche()).append("tranches", e.tranches())
                .append("fills", fills);
        return Docs.guard("saving execution " + e.id(), () -> Docs.insertIfAbsent(executions, doc));
    }

    @Override
    public Optional<Execution> find(String cycleId) {
        Checks.notBlank("cycle id", cycleId);
        return Docs.guard("finding the execution of " + cycleId,
                () -> Optional.ofNullable(executions.find(eq("_id", cycleId)).first())).map(MongoLedgerStore::read);
    }

    @Override
    public List<Execution> ofDecision(String cycleId) {
        Checks.notBlank("cycle id", cycleId);
        List<Document> docs = Docs.guard("reading the executions of " + cycleId, () -> executions
                .find(eq("cycle_id", cycleId)).sort(Sorts.ascending("tranche")).into(new ArrayList<>()));
        return docs.stream().map(MongoLedgerStore::read).toList();
    }

    @Override
    public List<Execution> executions(String portfolioId) {
        Checks.notBlank("portfolio id", portfolioId);
        List<Document> docs = Docs.guard("reading the executions of " + portfolioId, () -> executions
                .find(eq("portfolio_id", portfolioId)).sort(Sorts.orderBy(Sorts.ascending("date"), Sorts.ascending("tranche")))
                .into(new ArrayList<>()));
        return docs.stream().map(MongoLedgerStore::read).toList();
    }

    private static Execution read(Document d) {
        try {
            List<Fill> fills = new ArrayList<>();
            for (Document f : d.getList("fills", Document.class)) {
                fills.add(new Fill(f.getString("client_order_id"), Ticker.of(f.getString("ticker")),
                        Side.valueOf(f.getString("side")), ((Number) f.get("shares")).longValue(),
                        new BigDecimal(f.getString("price")), new BigDecimal(f.getString("value")),
                        new BigDecimal(f.getString("cost"))));
            }
            return new Execution(d.getString("cycle_id"), d.getString("portfolio_id"), Docs.date(d, "date"),
                    d.getInteger("tranche"), d.getInteger("tranches"), fills);
        } catch (RuntimeException e) {
            throw new StoreException("stored execution " + d.get("_id") + " is invalid: " + e.getMessage(), e);
        }
    }

    @Override
    public java.util.Map<String, List<Execution>> executionsByPortfolio() {
        java.util.Map<String, List<Execution>> out = new java.util.HashMap<>();
        Docs.guardRun("reading every execution", () -> executions.find()
                .sort(Sorts.orderBy(Sorts.ascending("date"), Sorts.ascending("tranche")))
                .forEach(d -> out.computeIfAbsent(d.getString("portfolio_id"), k -> new ArrayList<>()).add(read(d))));
        return out;
    }
}
