package io.rebalancer.rules.facts;

import io.rebalancer.domain.Regime;
import org.junit.jupiter.api.Test;

import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A thresholds row's checks name the column and the value as the analyst typed it, in the cell's own unit. */
class RegimeThresholdsTest {
    /** The shipped LOW_VOL row of rules/thresholds.drl.xlsx, with one change. */
    private static RegimeThresholds.Builder row(UnaryOperator<RegimeThresholds.Builder> change) {
        RegimeThresholds.Builder b = RegimeThresholds.builder(Regime.LOW_VOL, "thresholds: LOW_VOL")
                .criticalDriftPct(20).relativeBandPct(100).tradeToPct(100).highDriftPct(2.5).mediumDriftPct(1.5)
                .cashBandPct(2).maxTurnoverPct(20).cooldownDays(3).review("ANNUAL").varWarningPct(-3)
                .varCriticalPct(-4).sharpeWarning(1).betaLimit(1.5);
        return change.apply(b);
    }

    private static String refusal(UnaryOperator<RegimeThresholds.Builder> change) {
        return assertThrows(IllegalArgumentException.class, () -> row(change).build()).getMessage();
    }

    @Test
    void build_shippedRow_holdsFractions() {
        RegimeThresholds t = row(b -> b).build();
        assertEquals(0.20, t.driftCritical(), 1e-15);
        assertEquals(0.015, t.driftMedium(), 1e-15);
        assertEquals(-0.04, t.varCritical(), 1e-15);
    }

    @Test
    void build_negativeCriticalDrift_messageGivesThePercentTyped() {
        assertEquals("thresholds for LOW_VOL (thresholds: LOW_VOL): Critical drift (%) must be a positive number, was -5",
                refusal(b -> b.criticalDriftPct(-5)));
    }

    @Test
    void build_outOfRangePercentCells_messagesGiveTheValuesTyped() {
        // 0.15 / 100 * 100 is 15.000000000000002 in doubles: the message shows what was typed
        assertEquals("thresholds for LOW_VOL (thresholds: LOW_VOL): drift levels must satisfy 0 <= Medium <= High,"
                + " were 3.15 and 2.5", refusal(b -> b.mediumDriftPct(3.15)));
        assertEquals("thresholds for LOW_VOL (thresholds: LOW_VOL): Trade to (% of band) must be 0-100, was 120",
                refusal(b -> b.tradeToPct(120)));
        assertEquals("thresholds for LOW_VOL (thresholds: LOW_VOL): Beta limit must be a positive number, was 0",
                refusal(b -> b.betaLimit(0)));
    }

    @Test
    void build_emptyCell_namesTheColumn() {
        assertEquals("thresholds for LOW_VOL (thresholds: LOW_VOL): the High drift (%) cell is empty",
                refusal(b -> b.highDriftPct(Double.NaN)));
    }
}
