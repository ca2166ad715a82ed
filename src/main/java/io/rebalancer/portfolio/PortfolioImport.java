package io.rebalancer.portfolio;

import com.fasterxml.jackson.databind.JsonNode;
import io.rebalancer.domain.Account;
import io.rebalancer.domain.ModelVersion;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.TargetWeight;
import io.rebalancer.domain.Ticker;
import io.rebalancer.market.DataFileException;
import io.rebalancer.market.PortfolioFields;
import io.rebalancer.market.PortfolioJson;
import io.rebalancer.store.Stores;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Imports portfolio files, model files and CSVs of accounts into the store. Every file is read and every row checked
 * against the others and the store (prices on each inception, models known, ids unique, live portfolios' terms
 * unchanged) before anything is written; when any problem is found nothing is stored and each problem is one line
 * naming file (and line), field and value.
 */
public final class PortfolioImport {
    private final Stores stores;

    public PortfolioImport(Stores stores) {
        this.stores = Objects.requireNonNull(stores, "stores");
    }

    /** What was (or, when there are problems, would have been) stored. */
    public record Result(List<ModelVersion> models, List<Account> accounts, int unchanged, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private record Parsed(String where, Account account, Map<String, String> fieldOfTicker) {
    }

    public Result run(List<Path> files) {
        List<String> problems = new ArrayList<>();
        List<ModelVersion> newVersions = new ArrayList<>();
        List<Parsed> standalone = new ArrayList<>();
        List<AccountCsv.Row> rows = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            try {
                if (name.endsWith(".csv")) {
                    AccountCsv.Result r = AccountCsv.read(file);
                    rows.addAll(r.rows());
                    problems.addAll(r.problems());
                    continue;
                }
                JsonNode root = ModelJson.tree(file);
                if (ModelJson.isModel(root)) {
                    newVersions.add(ModelJson.read(file.toString(), root));
                } else {
                    String stem = file.getFileName().toString().replaceFirst("\\.json$", "");
                    PortfolioDefinition d = PortfolioJson.read(file.toString(), root, stem);
                    Map<String, String> fields = new LinkedHashMap<>();
                    for (int i = 0; i < d.targets().size(); i++) {
                        fields.put(d.targets().get(i).ticker().symbol(), "targets[" + i + "].ticker");
                    }
                    standalone.add(new Parsed(file.toString(), Account.standalone(d), fields));
                }
            } catch (DataFileException e) {
                problems.add(e.getMessage());
            }
        }
        Map<String, Account> stored = new HashMap<>();
        stores.portfolios().accounts().forEach(a -> stored.put(a.id(), a));
        Map<String, List<ModelVersion>> models = new HashMap<>();
        stores.portfolios().allModelVersions().forEach(v -> models.computeIfAbsent(v.model(), k -> new ArrayList<>()).add(v));
        List<ModelVersion> toStore = checkModels(newVersions, models, problems);

        List<Parsed> accounts = new ArrayList<>(standalone);
        for (AccountCsv.Row row : rows) {
            List<ModelVersion> versions = models.getOrDefault(row.model(), List.of());
            if (versions.isEmpty()) {
                problems.add(row.where() + ": field 'model' value '" + row.model() + "' is not a stored or imported model"
                        + (models.isEmpty() ? "" : " (models: " + String.join(", ", new TreeSet<>(models.keySet())) + ")"));
                continue;
            }
            Optional<ModelVersion> v = ModelVersion.inForce(versions, row.inception());
            if (v.isEmpty()) {
                problems.add(row.where() + ": field 'inception' value '" + row.inception() + "' is before model "
                        + row.model() + " takes effect (" + versions.get(0).effectiveFrom() + ")");
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            v.get().targets().forEach(t -> fields.put(t.ticker().symbol(), "inception"));
            try {
                accounts.add(new Parsed(row.where(), new Account(v.get().applyTo(row.id(), row.basis(), row.inception()),
                        row.model(), row.doNotTrade()), fields));
            } catch (IllegalArgumentException e) {
                problems.add(row.where() + ": " + e.getMessage());
            }
        }
        List<Account> accountsToStore = new ArrayList<>();
        int unchanged = 0;
        Map<String, String> seen = new HashMap<>();
        Map<String, List<Ticker>> missingCache = new HashMap<>();
        for (Parsed p : accounts) {
            Account a = p.account();
            String first = seen.putIfAbsent(a.id(), p.where());
            if (first != null) {
                problems.add(p.where() + ": field 'id' value '" + a.id() + "' is imported twice (first at " + first + ")");
                continue;
            }
            PortfolioDefinition d = a.definition();
            List<Ticker> missing = missingCache.computeIfAbsent(d.tickers() + "|" + d.inception(),
                    k -> missingPrices(d.tickers(), d.inception()));
            if (!missing.isEmpty()) {
                String field = p.fieldOfTicker().get(missing.get(0).symbol());
                String list = String.join(", ", missing.stream().map(Ticker::symbol).toList());
                problems.add(field.equals("inception")
                        ? p.where() + ": field 'inception' value '" + d.inception() + "': model " + a.model()
                        + "'s ticker" + (missing.size() == 1 ? " " : "s ") + list + " ha" + (missing.size() == 1 ? "s" : "ve")
                        + " no price in the store on that day"
                        : p.where() + ": field '" + field + "' value '" + missing.get(0) + "' has no price in the store"
                        + " on the inception " + d.inception() + (missing.size() == 1 ? "" : " (nor " + list + ")"));
            }
            Account old = stored.get(a.id());
            if (old != null && old.equals(a)) {
                unchanged++;
                continue;
            }
            if (old != null && changesPast(old, a) && !stores.decisions().recent(a.id(), null, 1).isEmpty()) {
                problems.add(p.where() + ": portfolio '" + a.id() + "' has live decisions, so its model, basis,"
                        + " inception and targets cannot change (use a new portfolio id or a new model version)");
                continue;
            }
            accountsToStore.add(a);
        }
        if (!problems.isEmpty()) {
            return new Result(toStore, accountsToStore, unchanged, problems);
        }
        stores.portfolios().saveModelVersions(toStore);
        stores.portfolios().saveAccounts(accountsToStore);
        return new Result(toStore, accountsToStore, unchanged, List.of());
    }

    /** The new versions to store; adds them to {@code models}. */
    private List<ModelVersion> checkModels(List<ModelVersion> fresh, Map<String, List<ModelVersion>> models,
            List<String> problems) {
        List<ModelVersion> out = new ArrayList<>();
        Optional<LocalDate> latest = stores.prices().latestDate();
        for (ModelVersion v : fresh) {
            String where = "model " + v.model() + " effective " + v.effectiveFrom();
            List<ModelVersion> known = models.computeIfAbsent(v.model(), k -> new ArrayList<>());
            Optional<ModelVersion> same = known.stream().filter(k -> k.effectiveFrom().equals(v.effectiveFrom())).findFirst();
            if (same.isPresent()) {
                if (!same.get().equals(v)) {
                    problems.add(where + ": a version with this effective_from is stored with other terms; a version"
                            + " never changes, add one with a later effective_from");
                }
                continue;
            }
            Optional<ModelVersion> last = known.stream().max(java.util.Comparator.comparing(ModelVersion::effectiveFrom));
            if (last.isPresent() && !v.effectiveFrom().isAfter(last.get().effectiveFrom())) {
                problems.add(where + ": field 'effective_from' value '" + v.effectiveFrom()
                        + "' is not after the model's latest version (" + last.get().effectiveFrom() + ")");
                continue;
            }
            if (last.isPresent() && !Set.copyOf(tickers(last.get())).equals(Set.copyOf(tickers(v)))) {
                problems.add(where + ": field 'targets' tickers " + tickers(v) + " differ from the earlier version's "
                        + tickers(last.get()) + " (a model keeps its tickers; a weight may be 0)");
                continue;
            }
            if (latest.isPresent()) {
                for (Ticker t : missingPrices(tickers(v), latest.get())) {
                    problems.add(where + ": field 'targets' ticker '" + t + "' has no price in the store on its latest"
                            + " day " + latest.get());
                }
            }
            known.add(v);
            out.add(v);
        }
        return out;
    }

    private static List<Ticker> tickers(ModelVersion v) {
        return v.targets().stream().map(TargetWeight::ticker).toList();
    }

    private List<Ticker> missingPrices(List<Ticker> tickers, LocalDate day) {
        Set<Ticker> present = stores.prices().bars(tickers, day).keySet();
        return tickers.stream().filter(t -> !present.contains(t)).toList();
    }

    /** Whether replacing {@code old} by {@code now} would change the holdings it has had since inception. */
    private static boolean changesPast(Account old, Account now) {
        if (!Objects.equals(old.model(), now.model())) {
            return true;
        }
        return PortfolioFields.differences(old.definition(), now.definition()).stream()
                .anyMatch(d -> PortfolioFields.shapesHoldings(d.field()));
    }
}
