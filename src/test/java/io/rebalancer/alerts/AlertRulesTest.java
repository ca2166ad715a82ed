package io.rebalancer.alerts;

import io.rebalancer.domain.Alert;
import io.rebalancer.domain.AlertSeverity;
import io.rebalancer.domain.Regime;
import io.rebalancer.domain.Verdict;
import io.rebalancer.rules.RuleEngine;
import io.rebalancer.rules.drools.DroolsRuleEngine;
import io.rebalancer.rules.facts.AlertSignals;
import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.Stores;
import io.rebalancer.store.open.StoreOpener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** The shipped alert table (rules/alerts.drl.xlsx) on hand-made signals, and one alert per code, portfolio and day. */
class AlertRulesTest {
    private static final LocalDate DAY = LocalDate.of(2024, 12, 12);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-12-12T21:30:00Z"), ZoneOffset.UTC);
    private static AlertRules rules;

    @BeforeAll
    static void load() {
        RuleEngine engine = DroolsRuleEngine.load(Path.of("rules"));
        rules = new AlertRules(engine, CLOCK);
    }

    private static AlertSignals cycle(Verdict v, Regime now, Regime before, double var95, int stale) {
        return new AlertSignals("P", DAY, v, now, before, var95, -0.03, -0.04, DAY, stale, AlertRules.NONE, null,
                "NVDA drift +7.95 pp exceeds the critical 3.00 %");
    }

    private static Map<String, Alert> byCode(List<Alert> alerts) {
        return alerts.stream().collect(Collectors.toMap(Alert::code, a -> a));
    }

    @Test
    void evaluate_triggeredIntoCrisisWithVarBeyondCritical_raisesThoseThreeOnly() {
        Map<String, Alert> a = byCode(rules.evaluate(cycle(Verdict.TRIGGERED, Regime.CRISIS, Regime.MODERATE, -0.05, 0)));

        assertEquals(java.util.Set.of("TRIGGERED", "REGIME_CRISIS", "VAR_CRITICAL"), a.keySet());
        assertEquals(AlertSeverity.CRITICAL, a.get("REGIME_CRISIS").severity());
        assertEquals("P 2024-12-12: regime changed from MODERATE to CRISIS", a.get("REGIME_CRISIS").message());
        assertEquals("P 2024-12-12: VaR95 -5.00 % is beyond the critical level -4.00 %", a.get("VAR_CRITICAL").message());
        assertEquals("alert: VaR beyond critical", a.get("VAR_CRITICAL").rule());
        assertEquals(CLOCK.instant(), a.get("TRIGGERED").raisedAt());
    }

    @Test
    void evaluate_varBetweenWarningAndCritical_isAWarningOnly() {
        Map<String, Alert> a = byCode(rules.evaluate(cycle(Verdict.STABLE, Regime.MODERATE, Regime.MODERATE, -0.035, 0)));
        assertEquals(java.util.Set.of("VAR_WARNING"), a.keySet());
        assertEquals(AlertSeverity.WARNING, a.get("VAR_WARNING").severity());
    }

    @Test
    void evaluate_stayingInHighVolOrNaNVar_raisesNothing() {
        assertTrue(rules.evaluate(cycle(Verdict.STABLE, Regime.HIGH_VOL, Regime.HIGH_VOL, Double.NaN, 0)).isEmpty());
        assertEquals(java.util.Set.of("REGIME_HIGH_VOL"), byCode(rules.evaluate(
                cycle(Verdict.STABLE, Regime.HIGH_VOL, Regime.LOW_VOL, -0.01, 0))).keySet());
    }

    @Test
    void evaluate_stalePrices_warningUnderThreeSessionsCriticalFromThree() {
        Alert one = byCode(rules.evaluate(AlertRules.ofEvent("P", DAY, DAY.minusDays(1), 1, AlertRules.NONE, null)))
                .get("STALE_PRICES");
        Alert five = byCode(rules.evaluate(AlertRules.ofEvent("P", DAY, DAY.minusDays(7), 5, AlertRules.NONE, null)))
                .get("STALE_PRICES");
        assertEquals(AlertSeverity.WARNING, one.severity());
        assertEquals(AlertSeverity.CRITICAL, five.severity());
        assertEquals("P 2024-12-12: stored prices end on 2024-12-05 - 5 closed sessions behind; check data fetch",
                five.message());
        assertTrue(rules.evaluate(AlertRules.ofEvent("P", DAY, DAY, 0, AlertRules.NONE, null)).isEmpty());
    }

    @Test
    void evaluate_executionAndBatchFailures_areCritical() {
        Alert e = rules.evaluate(AlertRules.ofEvent("P", DAY, DAY, 0, AlertRules.EXECUTION, "cash would go negative")).get(0);
        assertEquals("EXECUTION_FAILED", e.code());
        assertEquals("P 2024-12-12: paper execution failed: cash would go negative", e.message());
        Alert b = rules.evaluate(AlertRules.ofEvent("P", DAY, DAY, 0, AlertRules.BATCH, "Yahoo answered 503")).get(0);
        assertEquals("BATCH_FAILED", b.code());
    }

    @Test
    void raise_sameConditionTwiceOnADay_isStoredAndSentOnce() {
        try (Stores stores = StoreOpener.open(StoreConfig.inMemory())) {
            List<Alert> sent = new ArrayList<>();
            AlertSink sink = new AlertSink() {
                @Override
                public void send(Alert alert) {
                    sent.add(alert);
                }

                @Override
                public String name() {
                    return "list";
                }
            };
            AlertSink broken = new AlertSink() {
                @Override
                public void send(Alert alert) throws Exception {
                    throw new java.io.IOException("down");
                }

                @Override
                public String name() {
                    return "broken";
                }
            };
            AlertService service = new AlertService(stores.alerts(), rules, List.of(broken, sink));
            AlertSignals s = cycle(Verdict.TRIGGERED, Regime.MODERATE, Regime.MODERATE, -0.01, 0);

            assertEquals(1, service.raise(s).size());
            assertTrue(service.raise(s).isEmpty());
            assertEquals(1, sent.size(), "a failing sink does not stop the next one");
            List<Alert> stored = stores.alerts().recent("P", 10);
            assertEquals(1, stored.size());
            assertEquals(sent.get(0), stored.get(0));
            assertEquals(1, service.raise(new AlertSignals("P", DAY.plusDays(1), Verdict.TRIGGERED, Regime.MODERATE,
                    Regime.MODERATE, -0.01, -0.03, -0.04, DAY, 0, AlertRules.NONE, null, "x")).size(),
                    "the next day raises it again");
        }
    }
}
