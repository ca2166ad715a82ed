package io.rebalancer.rules;

import io.rebalancer.rules.drools.DroolsRuleEngine;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ShippedRulesTest {
    @Test
    void load_shippedRules_compilesAndHashes() {
        RuleEngine engine = DroolsRuleEngine.load(Path.of("rules"));
        assertEquals(12, engine.ruleSetHash().length());
    }
}
