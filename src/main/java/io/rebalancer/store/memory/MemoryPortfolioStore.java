package io.rebalancer.store.memory;

import io.rebalancer.domain.Account;
import io.rebalancer.domain.ModelVersion;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.store.PortfolioStore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** Accounts by portfolio id and model versions by (model, effective date), both kept sorted as they are listed. */
final class MemoryPortfolioStore implements PortfolioStore {
    private record VersionKey(String model, LocalDate effectiveFrom) implements Comparable<VersionKey> {
        @Override
        public int compareTo(VersionKey o) {
            int byModel = model.compareTo(o.model);
            return byModel != 0 ? byModel : effectiveFrom.compareTo(o.effectiveFrom);
        }
    }

    private final TreeMap<String, Account> accounts = new TreeMap<>();
    private final TreeMap<VersionKey, ModelVersion> versions = new TreeMap<>();

    @Override
    public synchronized Optional<PortfolioDefinition> definition(String id) {
        Objects.requireNonNull(id, "portfolio id");
        return Optional.ofNullable(accounts.get(id)).map(Account::definition);
    }

    @Override
    public synchronized List<String> portfolioIds() {
        return new ArrayList<>(accounts.keySet());
    }

    @Override
    public synchronized void saveDefinition(PortfolioDefinition definition) {
        Objects.requireNonNull(definition, "definition");
        Account stored = accounts.get(definition.id());
        accounts.put(definition.id(), stored == null ? new Account(asStored(definition), null, false)
                : new Account(asStored(definition), stored.model(), stored.doNotTrade()));
    }

    @Override
    public synchronized Optional<Account> account(String id) {
        Objects.requireNonNull(id, "portfolio id");
        return Optional.ofNullable(accounts.get(id));
    }

    @Override
    public synchronized List<Account> accounts() {
        return new ArrayList<>(accounts.values());
    }

    @Override
    public synchronized void saveAccounts(List<Account> batch) {
        List<Account> stored = new ArrayList<>(batch.size());
        for (Account a : batch) {
            Objects.requireNonNull(a, "account");
            stored.add(new Account(asStored(a.definition()), a.model(), a.doNotTrade()));
        }
        stored.forEach(a -> accounts.put(a.id(), a));
    }

    @Override
    public synchronized boolean remove(String id) {
        Objects.requireNonNull(id, "portfolio id");
        return accounts.remove(id) != null;
    }

    @Override
    public synchronized List<ModelVersion> modelVersions(String model) {
        Objects.requireNonNull(model, "model id");
        return versions.values().stream().filter(v -> v.model().equals(model))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    @Override
    public synchronized List<ModelVersion> allModelVersions() {
        return new ArrayList<>(versions.values());
    }

    @Override
    public synchronized void saveModelVersions(List<ModelVersion> batch) {
        for (ModelVersion v : batch) {
            // the MongoDB adapter stores a version as a portfolio document, so one that is no valid portfolio fails
            v.applyTo(v.key(), BigDecimal.ONE, v.effectiveFrom());
        }
        batch.forEach(v -> versions.put(new VersionKey(v.model(), v.effectiveFrom()), v));
    }

    /**
     * The definition as the MongoDB adapter reads it back: the basis through its plain decimal text ({@code 1E+6}
     * comes back as {@code 1000000}), which the fingerprint, and so the cycle id, sees.
     */
    private static PortfolioDefinition asStored(PortfolioDefinition d) {
        BigDecimal basis = new BigDecimal(d.basis().toPlainString());
        return basis.equals(d.basis()) ? d : new PortfolioDefinition(d.id(), basis, d.inception(), d.benchmark(),
                d.targets(), d.thresholds(), d.bounds(), d.costs(), d.cashFlows());
    }
}
