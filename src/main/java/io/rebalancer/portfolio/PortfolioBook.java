package io.rebalancer.portfolio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rebalancer.domain.Account;
import io.rebalancer.domain.ModelVersion;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.market.PortfolioFields;
import io.rebalancer.service.NotFoundException;
import io.rebalancer.store.Stores;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The stored portfolios as a book: list, show, export in the portfolio file format, remove. */
public final class PortfolioBook {
    private static final Set<String> TEXT_FIELDS = Set.of("id", "inception", "benchmark");

    private final Stores stores;

    public PortfolioBook(Stores stores) {
        this.stores = Objects.requireNonNull(stores, "stores");
    }

    /** One row of {@code portfolio list}; {@code model_version} is the effective date of the version in force. */
    public record Entry(String id, String model, LocalDate modelVersion, BigDecimal basis, LocalDate inception,
                        boolean doNotTrade, int positions) {
    }

    /** What {@code portfolio show} prints: the account, its model's versions and the terms in force. */
    public record Detail(Entry entry, List<LocalDate> modelVersions, LocalDate inForceOn, Map<String, String> fields) {
    }

    public List<Entry> list() {
        Map<String, List<ModelVersion>> models = models();
        LocalDate today = today();
        List<Entry> out = new ArrayList<>();
        for (Account a : stores.portfolios().accounts()) {
            out.add(entry(a, models.getOrDefault(a.model(), List.of()), today));
        }
        return out;
    }

    public Detail show(String id) {
        Account a = account(id);
        List<ModelVersion> versions = a.model() == null ? List.of() : stores.portfolios().modelVersions(a.model());
        LocalDate today = today();
        return new Detail(entry(a, versions, today), versions.stream().map(ModelVersion::effectiveFrom).toList(), today,
                PortfolioFields.of(inForce(a, versions, today)));
    }

    /** The terms in force on the latest stored day, in the portfolio file format (backtest-data/README.md). */
    public String export(String id) {
        Detail d = show(id);
        ObjectNode root = ModelJson.MAPPER.createObjectNode();
        for (Map.Entry<String, String> f : d.fields().entrySet()) {
            put(root, f.getKey(), f.getValue());
        }
        try {
            return ModelJson.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The outcome of a removal: {@code liveDecisions} > 0 and not forced means nothing was removed. */
    public record Removal(String id, int liveDecisions, boolean removed) {
    }

    /** Removes the portfolio; one with live decisions only when {@code force} (its decisions and fills stay). */
    public Removal remove(String id, boolean force) {
        account(id);
        int live = stores.decisions().recent(id, null, 1).size();
        if (live > 0 && !force) {
            return new Removal(id, live, false);
        }
        return new Removal(id, live, stores.portfolios().remove(id));
    }

    /** The definition in force on {@code day}: the model version in force then, else the stored definition. */
    public static PortfolioDefinition inForce(Account a, List<ModelVersion> versions, LocalDate day) {
        return a.on(versions, day);
    }

    private Entry entry(Account a, List<ModelVersion> versions, LocalDate today) {
        PortfolioDefinition d = a.definition();
        LocalDate version = a.model() == null || today == null ? null
                : ModelVersion.inForce(versions, today).map(ModelVersion::effectiveFrom).orElse(null);
        return new Entry(a.id(), a.model(), version, d.basis(), d.inception(), a.doNotTrade(), d.targets().size());
    }

    private Account account(String id) {
        return stores.portfolios().account(id).orElseThrow(() -> new NotFoundException("unknown portfolio '" + id
                + "'; 'portfolio list' shows the stored ones"));
    }

    private Map<String, List<ModelVersion>> models() {
        Map<String, List<ModelVersion>> out = new HashMap<>();
        stores.portfolios().allModelVersions().forEach(v -> out.computeIfAbsent(v.model(), k -> new ArrayList<>()).add(v));
        return out;
    }

    private LocalDate today() {
        return stores.prices().latestDate().orElse(null);
    }

    private static void put(ObjectNode root, String path, String value) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            String p = parts[i];
            if (p.endsWith("]")) {
                String name = p.substring(0, p.indexOf('['));
                int index = Integer.parseInt(p.substring(p.indexOf('[') + 1, p.length() - 1));
                ArrayNode array = root.has(name) ? (ArrayNode) root.get(name) : root.putArray(name);
                while (array.size() <= index) {
                    array.addObject();
                }
                node = (ObjectNode) array.get(index);
            } else {
                node = node.has(p) ? (ObjectNode) node.get(p) : node.putObject(p);
            }
        }
        String leaf = parts[parts.length - 1];
        if (TEXT_FIELDS.contains(leaf) || leaf.equals("ticker") || leaf.equals("sector")) {
            node.put(leaf, value);
        } else {
            node.put(leaf, new BigDecimal(value));
        }
    }
}
