package io.rebalancer.rules.drools;

import io.rebalancer.rules.facts.TableValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** withTableValues refuses a rule set whose sessions could not take the values, before any phase fires. */
class TableValuesGlobalTest {
    @TempDir
    Path tmp;

    private DroolsRuleEngine rules(String globalLine) throws Exception {
        Files.writeString(tmp.resolve("r.drl"), """
                package io.rebalancer.rules
                import io.rebalancer.rules.facts.*
                %s

                rule "r"
                    ruleflow-group "monitor"
                when
                    MarketConditions()
                then
                end
                """.formatted(globalLine));
        return DroolsRuleEngine.load(tmp, CompiledRuleCache.disabled());
    }

    @Test
    void withTableValues_noGlobal_refused() throws Exception {
        DroolsRuleEngine e = rules("");
        IllegalStateException x = assertThrows(IllegalStateException.class,
                () -> e.withTableValues(new TableValues(new double[] {1}), "h"));
        assertEquals("the rule set declares no global tableValues", x.getMessage());
    }

    @Test
    void withTableValues_globalOfAnotherType_refusedNamingBothTypes() throws Exception {
        DroolsRuleEngine e = rules("global String tableValues");
        IllegalStateException x = assertThrows(IllegalStateException.class,
                () -> e.withTableValues(new TableValues(new double[] {1}), "h"));
        assertEquals("the rule set's global tableValues is a java.lang.String, not a "
                + "io.rebalancer.rules.facts.TableValues", x.getMessage());
        assertEquals(0, e.liveSessions());
    }
}
