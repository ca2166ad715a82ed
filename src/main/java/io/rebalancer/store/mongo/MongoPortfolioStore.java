package io.rebalancer.store.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.rebalancer.domain.Account;
import io.rebalancer.domain.ModelVersion;
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
    private final MongoCollection<Document> models;

    /**
     * @param models collection {@code models}: one document per model version, {@code _id} = model + "@" + effective
     *               date, with the fields of a portfolio document (basis and inception unused)
     */
    MongoPortfolioStore(MongoCollection<Document> portfolios, MongoCollection<Document> models) {
        this.portfolios = portfolios;
        this.models = models;
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
        doc.remove("_id");
        // $set, not a replacement: the account's model and do-not-trade flag stay as they are
        Docs.guardRun("saving portfolio " + def.id(), () -> portfolios.updateOne(eq("_id", def.id()),
                new Document("$set", doc), new com.mongodb.client.model.UpdateOptions().upsert(true)));
    }

    @Override
    public Optional<Account> account(String id) {
        Objects.requireNonNull(id, "portfolio id");
        Document doc = Docs.guard("reading portfolio " + id, () -> portfolios.find(eq("_id", id)).first());
        return Optional.ofNullable(doc).map(MongoPortfolioStore::account);
    }

    @Override
    public List<Account> accounts() {
        return Docs.guard("reading portfolios", () -> {
            List<Account> out = new ArrayList<>();
            portfolios.find().sort(Sorts.ascending("_id")).forEach(d -> out.add(account(d)));
            return out;
        });
    }

    @Override
    public void saveAccounts(List<Account> accounts) {
        if (accounts.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(accounts.size());
        for (Account a : accounts) {
            Document doc = toDocument(a.definition()).append("model", a.model()).append("do_not_trade", a.doNotTrade());
            writes.add(new ReplaceOneModel<>(eq("_id", a.id()), doc, new ReplaceOptions().upsert(true)));
        }
        Docs.guardRun("saving " + accounts.size() + " portfolios",
                () -> portfolios.bulkWrite(writes, new BulkWriteOptions().ordered(false)));
    }

    @Override
    public boolean remove(String id) {
        Objects.requireNonNull(id, "portfolio id");
        return Docs.guard("removing portfolio " + id, () -> portfolios.deleteOne(eq("_id", id)).getDeletedCount() > 0);
    }

    @Override
    public List<ModelVersion> modelVersions(String model) {
        Objects.requireNonNull(model, "model id");
        return Docs.guard("reading model " + model, () -> {
            List<ModelVersion> out = new ArrayList<>();
            models.find(eq("model", model)).sort(Sorts.ascending("effective_from")).forEach(d -> out.add(version(d)));
            return out;
        });
    }

    @Override
    public List<ModelVersion> allModelVersions() {
        return Docs.guard("reading models", () -> {
            List<ModelVersion> out = new ArrayList<>();
            models.find().sort(Sorts.ascending("model", "effective_from")).forEach(d -> out.add(version(d)));
            return out;
        });
    }

    @Override
    public void saveModelVersions(List<ModelVersion> versions) {
        if (versions.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(versions.size());
        for (ModelVersion v : versions) {
            Document doc = toDocument(v.applyTo(v.key(), BigDecimal.ONE, v.effectiveFrom()));
            doc.remove("basis");
            doc.remove("inception");
            doc.append("model", v.model()).append("effective_from", Docs.date(v.effectiveFrom()));
            writes.add(new ReplaceOneModel<>(eq("_id", v.key()), doc, new ReplaceOptions().upsert(true)));
        }
        Docs.guardRun("saving " + versions.size() + " model versions",
                () -> models.bulkWrite(writes, new BulkWriteOptions().ordered(false)));
    }

    private static Account account(Document doc) {
        String model = doc.getString("model");
        return new Account(fromDocument(doc), model, Boolean.TRUE.equals(doc.getBoolean("do_not_trade")));
    }

    private static ModelVersion version(Document doc) {
        Document asPortfolio = new Document(doc).append("basis", "1").append("inception", doc.get("effective_from"));
        PortfolioDefinition d = fromDocument(asPortfolio);
        return new ModelVersion(doc.getString("model"), Docs.date(doc, "effective_from"), d.benchmark(), d.targets(),
                d.thresholds(), d.bounds(), d.costs());
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
