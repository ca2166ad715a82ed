package io.rebalancer.store.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.rebalancer.domain.CashFlow;
import io.rebalancer.domain.CostModel;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.TargetWeight;
import io.rebalancer.domain.ThresholdBounds;
import io.rebalancer.domain.Thresholds;
import io.rebalancer.domain.Ticker;
import io.rebalancer.store.PortfolioStore;
import io.rebalancer.store.StoreException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;

/** Collection {@code portfolios}: one document per definition, {@code _id} = portfolio id, weights as fractions. */
final class MongoPortfolioStore implements PortfolioStore {
    private final MongoCollection<Document> portfolios;

    MongoPortfolioStore(MongoCollection<Document> portfolios) {
        this.portfolios = portfolios;
    }

    @Override
    public Optional<PortfolioDefinition> definition(String id) {
        Objects.requireNonNull(id, "portfolio id");
        Document doc = Docs.guard("reading portfolio " + id, () -> portfolios.find(eq("_id", id)).first());
        return Optional.ofNullable(doc).map(MongoPortfolioStore::fromDocument);
    }

    @Override
    public List<String> portfolioIds() {
        return Docs.guard("listing portfolios", () -> {
            List<String> ids = new ArrayList<>();
            portfolios.find().projection(new Document("_id", 1)).sort(Sorts.ascending("_id"))
                    .forEach(d -> ids.add(d.getString("_id")));
            return ids;
        });
    }

    @Override
    public void saveDefinition(PortfolioDefinition def) {
        Objects.requireNonNull(def, "definition");
        Document doc = toDocument(def);
        Docs.guardRun("saving portfolio " + def.id(),
                () -> portfolios.replaceOne(eq("_id", def.id()), doc, new ReplaceOptions().upsert(true)));
    }

    static Document toDocument(PortfolioDefinition def) {
        List<Document> targets = new ArrayList<>();
        for (TargetWeight t : def.targets()) {
            targets.add(new Document("ticker", t.ticker().symbol()).append("sector", t.sector())
                    .append("weight", t.weight()));
        }
        Thresholds th = def.thresholds();
        return new Document("_id", def.id())
                .append("basis", def.basis().toPlainString())
                .append("inception", Docs.date(def.inception()))
                .append("benchmark", def.benchmark().symbol())
                .append("targets", targets)
                .append("thresholds", new Document("drift_critical", th.driftCritical())
                        .append("drift_high", th.driftHigh())
                        .append("drift_medium", th.driftMedium())
                        .append("var_warning", th.varWarning())
                        .append("var_critical", th.varCritical())
                        .append("sharpe_warning", th.sharpeWarning())
                        .append("sharpe_critical", th.sharpeCritical())
                        .append("max_turnover", th.maxTurnover())
                        .append("cooldown_days", th.cooldownDays())
                        .append("beta_limit", th.betaLimit()))
                .append("bounds", new Document("min_drift_critical", def.bounds().minDriftCritical())
                        .append("max_drift_critical", def.bounds().maxDriftCritical()))
                .append("costs", new Document("commission_bps", def.costs().commissionBps())
                        .append("half_spread_bps", def.costs().halfSpreadBps())
                        .append("impact_coefficient", def.costs().impactCoefficient()))
                .append("cash_flows", cashFlows(def.cashFlows()));
    }

    private static List<Document> cashFlows(List<CashFlow> flows) {
        List<Document> out = new ArrayList<>();
        for (CashFlow f : flows) {
            out.add(new Document("amount", f.amount()).append("schedule", f.schedule().name())
                    .append("date", f.date() == null ? null : Docs.date(f.date()))
                    .append("start", f.start() == null ? null : Docs.date(f.start()))
                    .append("end", f.end() == null ? null : Docs.date(f.end())));
        }
        return out;
    }

    private static List<CashFlow> cashFlows(Document doc) {
        List<CashFlow> out = new ArrayList<>();
        List<Document> list = doc.getList("cash_flows", Document.class);
        if (list != null) {
            for (Document f : list) {
                out.add(new CashFlow(Docs.number(f, "amount"), CashFlow.Schedule.valueOf(f.getString("schedule")),
                        f.get("date") == null ? null : Docs.date(f, "date"),
                        f.get("start") == null ? null : Docs.date(f, "start"),
                        f.get("end") == null ? null : Docs.date(f, "end")));
            }
        }
        return out;
    }

    static PortfolioDefinition fromDocument(Document doc) {
        String id = doc.getString("_id");
        try {
            List<TargetWeight> targets = new ArrayList<>();
            for (Document t : doc.getList("targets", Document.class)) {
                targets.add(new TargetWeight(Ticker.of(t.getString("ticker")), t.getString("sector"),
                        Docs.number(t, "weight")));
            }
            Document th = doc.get("thresholds", Document.class);
            Thresholds thresholds = new Thresholds(Docs.number(th, "drift_critical"), Docs.number(th, "drift_high"),
                    Docs.number(th, "drift_medium"), Docs.number(th, "var_warning"), Docs.number(th, "var_critical"),
                    Docs.number(th, "sharpe_warning"), Docs.number(th, "sharpe_critical"),
                    Docs.number(th, "max_turnover"), (int) Docs.number(th, "cooldown_days"),
                    Docs.number(th, "beta_limit"));
            Document b = doc.get("bounds", Document.class);
            Document c = doc.get("costs", Document.class);
            return new PortfolioDefinition(id, new BigDecimal(doc.getString("basis")), Docs.date(doc, "inception"),
                    Ticker.of(doc.getString("benchmark")), targets, thresholds,
                    new ThresholdBounds(Docs.number(b, "min_drift_critical"), Docs.number(b, "max_drift_critical")),
                    new CostModel(Docs.number(c, "commission_bps"), Docs.number(c, "half_spread_bps"),
                            Docs.number(c, "impact_coefficient")), cashFlows(doc));
        } catch (RuntimeException e) {
            if (e instanceof StoreException) {
                throw e;
            }
            throw new StoreException("stored portfolio " + id + " is malformed: " + e.getMessage(), e);
        }
    }
}
