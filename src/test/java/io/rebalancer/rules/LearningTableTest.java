package io.rebalancer.rules;

import io.rebalancer.agents.Cycle;
import io.rebalancer.domain.Regime;
import io.rebalancer.rules.drools.DroolsRuleEngine;
import io.rebalancer.rules.facts.LearningTest;
import io.rebalancer.rules.facts.RegimeClassified;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** rules/learning.drl.xlsx as shipped: a quarter's horizon and |t| >= 2 over at least 8 outcomes in every regime. */
class LearningTableTest {
    private static RuleEngine engine;

    @BeforeAll
    static void load() {
        engine = DroolsRuleEngine.load(Path.of("rules"));
    }

    @Test
    void outcomeHorizon_shippedRules_oneQuarterOfTradingDays() {
        assertEquals(63, new Cycle(engine).outcomeHorizon(20));
    }

    @Test
    void learningTest_everyRegime_concludedFromItsRow() {
        for (Regime r : Regime.values()) {
            List<LearningTest> t = engine.fire(Phase.DECIDE, List.of(new RegimeClassified(r, "test", "test")))
                    .all(LearningTest.class);
            assertEquals(1, t.size(), r.name());
            assertEquals(r, t.get(0).regime());
            assertEquals(8, t.get(0).minOutcomes());
            assertEquals(2.0, t.get(0).tThreshold());
            assertEquals(0.0025, t.get(0).raiseStep(), 1e-15);
            assertEquals(0.0025, t.get(0).lowerStep(), 1e-15);
            assertEquals("learning: " + r.name(), t.get(0).rule());
        }
    }
}
