package io.rebalancer.store.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rebalancer.domain.Account;
import io.rebalancer.domain.Alert;
import io.rebalancer.domain.AlertSeverity;
import io.rebalancer.domain.CostModel;
import io.rebalancer.domain.Execution;
import io.rebalancer.domain.Fill;
import io.rebalancer.domain.ModelVersion;
import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.domain.Side;
import io.rebalancer.domain.TargetWeight;
import io.rebalancer.domain.ThresholdBounds;
import io.rebalancer.domain.Thresholds;
import io.rebalancer.domain.Ticker;
import io.rebalancer.store.DecisionLog;
import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.Stores;
import io.rebalancer.store.ThresholdState;
import io.rebalancer.store.mongo.MongoStores;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The same operations on the plain-Java store and on the MongoDB adapter (the in-memory wire server) answer the
 * same, including the orders of ties, the text of run documents and values the adapter normalises on the way
 * through BSON.
 */
class MemoryStoresParityTest {
    private static final LocalDate D1 = LocalDate.of(2024, 1, 2);
    private static final LocalDate D2 = LocalDate.of(2024, 1, 3);
    private static final LocalDate D3 = LocalDate.of(2024, 1, 4);

    private Stores memory;
    private Stores mongo;

    @BeforeEach
    void open() {
        memory = MemoryStores.open();
        mongo = MongoStores.open(StoreConfig.inMemory());
    }

    @AfterEach
    void close() {
        memory.close();
        mongo.close();
    }

    /** Runs {@code script} on both stores and asserts that they answer equal. */
    private <T> void same(Function<Stores, T> script) {
        assertEquals(script.apply(mongo), script.apply(memory));
    }

    @Test
    void decisions_tiesDuplicatesAndBulk_sameOrdersAndCounts() {
        same(s -> {
            DecisionLog d = s.decisions();
            List<Object> out = new ArrayList<>();
            out.add(d.save("cyc-aaaaaaa-1", "P", D2, null, "{\"k\": 1}"));
            out.add(d.save("cyc-aaaaaaa-2", "P", D2, null, " {\"k\": 2} "));
            out.add(d.save("cyc-bbbbbbb-3", "Q", D1, null, "{\"k\": 3}"));
            out.add(d.save("cyc-aaaaaaa-1", "P", D3, null, "{\"k\": 9}"));
            out.add(d.save("run-ccccccc-1", "P", D3, "R1", "{\"k\": 4}"));
            out.add(d.save("run-ccccccc-2", "P", D1, "R1", "{\"k\": 5}"));
            out.add(d.saveAll(List.of(new DecisionLog.Entry("bulk-ddddddd-1", "P", D2, null, "{\"k\": 6}"),
                    new DecisionLog.Entry("cyc-bbbbbbb-3", "Q", D1, null, "{\"k\": 7}"),
                    new DecisionLog.Entry("bulk-ddddddd-2", "Q", D3, "R1", "{\"k\": 8}"))));
            out.add(d.recent("P", null, 2));
            out.add(d.recent(null, null, 10));
            out.add(d.recent(null, "R1", 10));
            out.add(d.recent("P", "R1", 1));
            out.add(d.liveBetween("P", D1, D3));
            out.add(d.byRun("R1"));
            out.add(d.liveRefs());
            out.add(d.find("bulk-ddddddd-1"));
            out.add(d.find("cyc-bbb"));
            out.add(d.find("run-ccccccc-9"));
            return out;
        });
    }

    @Test
    void runs_startFinishFailDelete_sameDocumentsApartFromTimes() {
        same(s -> {
            List<Object> out = new ArrayList<>();
            s.runs().start("A", "{\"portfolio\": \"P\", \"status\": \"x\", \"nested\": {\"a\": [1, 2.5, true, null]},"
                    + " \"big\": 12345678901, \"small\": 1.0E-7, \"empty\": {}, \"none\": []}");
            s.runs().start("B", "{\"n\": 1}");
            // a started run is an insert: its text, order and spacing included, is the same
            out.add(s.runs().find("A").map(j -> j.replaceAll("\"started_at\": \"[^\"]*\"", "T")));
            s.decisions().save("run-a-decision", "P", D1, "A", "{}");
            s.snapshots().save("A", "P", D1, "{\"nav\": 1}");
            s.snapshots().save("B", "P", D1, "{\"nav\": 2}");
            s.runs().finish("A", "{\"cagr\": 0.25, \"finish_seq\": 3, \"_id\": \"mine\"}");
            s.runs().finish("C", "{\"cagr\": 0.5}");
            s.runs().fail("B", "IllegalStateException: day 12");
            s.runs().fail("missing", "nobody");
            out.add(s.runs().find("A").map(MemoryStoresParityTest::withoutTimes));
            out.add(s.runs().latestFinished().map(MemoryStoresParityTest::withoutTimes));
            out.add(s.runs().find("B").map(MemoryStoresParityTest::withoutTimes));
            out.add(s.runs().delete("A"));
            out.add(s.runs().delete("A"));
            out.add(s.decisions().byRun("A"));
            out.add(s.snapshots().byRun("A"));
            out.add(s.snapshots().byRun("B"));
            out.add(s.runs().all().stream().map(MemoryStoresParityTest::withoutTimes).toList());
            return out;
        });
    }

    /**
     * The run document with its times blanked, as a tree: a key's place is not compared, since the wire server's
     * replacement keeps the fields of the replaced document in their old places where a real MongoDB (and the
     * memory store) keeps the replacement's order.
     */
    private static com.fasterxml.jackson.databind.JsonNode withoutTimes(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    json.replaceAll("\"(started_at|finished_at)\": \"[^\"]*\"", "\"$1\": \"T\""));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    @Test
    void portfoliosAndModels_basisInExponentForm_comeBackInPlainForm() {
        PortfolioDefinition def = new PortfolioDefinition("P", new BigDecimal("1E+6"), D1, Ticker.of("SPY"),
                List.of(TargetWeight.of("AAPL", "Technology", 0.6), TargetWeight.of("XOM", "Energy", 0.4)),
                Thresholds.seedDefaults(), new ThresholdBounds(0.02, 0.05), new CostModel(1, 2, 0.1));
        ModelVersion v1 = new ModelVersion("M", D2, Ticker.of("SPY"), def.targets(), def.thresholds(), def.bounds(),
                def.costs());
        ModelVersion v0 = new ModelVersion("M", D1, Ticker.of("QQQ"), def.targets(), def.thresholds(), def.bounds(),
                def.costs());
        same(s -> {
            List<Object> out = new ArrayList<>();
            s.portfolios().saveAccounts(List.of(new Account(def, "M", true)));
            s.portfolios().saveDefinition(def.withCosts(new CostModel(2, 3, 0.2)));
            s.portfolios().saveDefinition(new PortfolioDefinition("A", BigDecimal.TEN, D1, Ticker.of("SPY"),
                    def.targets(), def.thresholds(), def.bounds(), def.costs()));
            s.portfolios().saveModelVersions(List.of(v1, v0));
            out.add(s.portfolios().accounts());
            out.add(s.portfolios().definition("P").map(PortfolioDefinition::fingerprint));
            out.add(s.portfolios().portfolioIds());
            out.add(s.portfolios().modelVersions("M"));
            out.add(s.portfolios().allModelVersions());
            out.add(s.portfolios().remove("A"));
            out.add(s.portfolios().remove("A"));
            return out;
        });
    }

    @Test
    void ledgerOutcomesAlertsThresholds_sameOrdersAndValues() {
        Execution second = new Execution("c1", "P", D2, 2, 2, List.of(new Fill("c1-AAPL-2", Ticker.of("AAPL"), Side.BUY,
                1, new BigDecimal("1E+2"), new BigDecimal("100"), BigDecimal.ZERO)));
        Execution first = new Execution("c1", "P", D1, 1, 2, List.of(Fill.of("c1-AAPL-1", Ticker.of("AAPL"), Side.BUY,
                2, new BigDecimal("190.5"), new BigDecimal("0.10"))));
        Execution other = new Execution("c2", "Q", D1, 1, 1, List.of(Fill.of("c2-XOM-1", Ticker.of("XOM"), Side.SELL,
                3, new BigDecimal("101.5"), new BigDecimal("0.09"))));
        Instant whole = Instant.parse("2024-01-02T21:00:00Z");
        same(s -> {
            List<Object> out = new ArrayList<>();
            out.add(s.ledger().save(second));
            out.add(s.ledger().save(first));
            out.add(s.ledger().save(other));
            out.add(s.ledger().save(first));
            out.add(s.ledger().find("c1"));
            out.add(s.ledger().ofDecision("c1"));
            out.add(s.ledger().executions("P"));
            out.add(s.ledger().executionsByPortfolio());
            out.add(s.alerts().save(new Alert("P", D1, "TRIGGERED", AlertSeverity.WARNING, "m", "r", whole)));
            out.add(s.alerts().save(new Alert("P", D1, "STALE", AlertSeverity.INFO, "m", "r", whole.plusMillis(500))));
            out.add(s.alerts().save(new Alert("Q", D2, "TRIGGERED", AlertSeverity.CRITICAL, "m", "r", whole)));
            out.add(s.alerts().save(new Alert("P", D1, "TRIGGERED", AlertSeverity.CRITICAL, "again", "r", whole)));
            out.add(s.alerts().recent(null, 10));
            out.add(s.alerts().recent("P", 1));
            var scored = List.of(
                    new io.rebalancer.store.ScoredDecision("s2", "P", D2, D3, io.rebalancer.domain.Regime.CRISIS,
                            io.rebalancer.domain.ScenarioType.FULL, 0.1, 0.2),
                    new io.rebalancer.store.ScoredDecision("s1", "P", D1, D3, io.rebalancer.domain.Regime.MODERATE,
                            io.rebalancer.domain.ScenarioType.DEFER, 0.0, -0.1),
                    new io.rebalancer.store.ScoredDecision("s3", "P", D1, D2, io.rebalancer.domain.Regime.MODERATE,
                            io.rebalancer.domain.ScenarioType.DEFER, 0.0, 0.0));
            s.outcomes().save(scored);
            out.add(s.outcomes().of("P"));
            out.add(s.outcomes().byPortfolio());
            s.thresholds().saveAll(List.of(new ThresholdState("P", null, 0.01, 0, null, "LOW_VOL", D1, D2, "c2"),
                    new ThresholdState("P", null, 0.02, 0, null, "LOW_VOL", D1, D1, "c1"),
                    new ThresholdState("P", "R", 0.03, 0, null, null, null, D3, "c3")));
            s.thresholds().save(new ThresholdState("Q", null, 0.04, 0.01, D3, "CRISIS", null, D3, "c4"));
            out.add(s.thresholds().load("P", null));
            out.add(s.thresholds().load("P", "R"));
            out.add(s.thresholds().liveBefore("P", D2));
            out.add(s.thresholds().liveBefore("P", D1));
            out.add(s.thresholds().liveBeforeAll(List.of("P", "Q", "Z"), D3));
            out.add(s.thresholds().liveBeforeAll(List.of("P", "Q"), D2.plusDays(10)));
            return out;
        });
    }

    @Test
    void locks_takeExpireReleaseInBulk_sameAnswers() {
        Instant t0 = Instant.parse("2026-01-05T10:00:00.000400Z");
        Instant t1 = t0.plusSeconds(600);
        same(s -> {
            List<Object> out = new ArrayList<>();
            out.add(s.locks().tryAcquire("a", "me", t0, t1));
            out.add(s.locks().tryAcquire("a", "you", t1, t1.plusSeconds(60)));
            out.add(s.locks().tryAcquire("a", "you", t1.plusMillis(1), t1.plusSeconds(60)));
            out.add(s.locks().tryAcquireAll(List.of("a", "b", "c", "b"), "me", t1.plusMillis(2), t1.plusSeconds(5)));
            s.locks().releaseAll(List.of("a", "b"), "me");
            out.add(s.locks().tryAcquireAll(List.of("a", "b", "c"), "other", t1.plusMillis(3), t1.plusSeconds(9)));
            s.locks().release("c", "other");
            out.add(s.locks().tryAcquire("c", "third", t0, t1));
            return out;
        });
    }
}
