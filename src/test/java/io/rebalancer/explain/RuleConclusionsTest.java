package io.rebalancer.explain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What an intermediate rule is for, from the names of the shipped rules (rules/*.drl*). */
class RuleConclusionsTest {
    @Test
    void intermediate_vixTableRow_pointsToTheRegimeLine() {
        assertEquals("VIX signal (intermediate; see the regime line)", RuleConclusions.intermediate("vix from LOW_VOL: moderate"));
    }

    @Test
    void intermediate_thresholdsRowButNotTheRegimeRule_pointsToTheThresholdsTable() {
        assertEquals("the regime's row of thresholds.drl.xlsx (intermediate; see the thresholds line)",
                RuleConclusions.intermediate("thresholds: CRISIS"));
        assertEquals("(intermediate fact, not kept in the record)",
                RuleConclusions.intermediate("thresholds: the regime's row with the adaptive offset within bounds"));
    }
}
