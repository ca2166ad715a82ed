package io.rebalancer.report;

import io.rebalancer.analytics.Linking;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.DoubleStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tick labels carry the decimals their spacing needs; short runs get day ticks and a note for rolling windows. */
class TickLabelsTest {
    private static List<String> labels(TickLabels.Kind kind, double step, double... values) {
        java.text.NumberFormat f = TickLabels.format(kind, step);
        return DoubleStream.of(values).mapToObj(f::format).toList();
    }

    @Test
    void decimalsFor_oneTwoFiveSteps_byHand() {
        assertEquals(0, TickLabels.decimalsFor(5));
        assertEquals(0, TickLabels.decimalsFor(1));
        assertEquals(1, TickLabels.decimalsFor(0.5));
        assertEquals(1, TickLabels.decimalsFor(0.1));
        assertEquals(2, TickLabels.decimalsFor(0.02));
        assertEquals(3, TickLabels.decimalsFor(0.001));
    }

    @Test
    void format_ticksOfATinyPercentRange_printApart() {
        // the comparison page's "B relative to A" spans about -0.03 %: ticks 0.01 % apart (a step of 1e-4 as a
        // fraction) printed "-0%" each with the one fixed format
        assertEquals(List.of("-0.03%", "-0.02%", "-0.01%", "+0.00%"),
                labels(TickLabels.Kind.SIGNED_PERCENT, 1e-4, -3e-4, -2e-4, -1e-4, 0));
        assertEquals(List.of("10%", "20%"), labels(TickLabels.Kind.PERCENT, 0.1, 0.1, 0.2));
        assertEquals(List.of("0.5", "1.0", "1.5"), labels(TickLabels.Kind.RATIO, 0.5, 0.5, 1.0, 1.5));
    }

    @Test
    void format_moneyTicksCloseTogether_printApart() {
        // a two-day NAV curve near 1.05M with ticks 5,000 apart printed "1.05M" and "1.06M" twice each
        assertEquals(List.of("1.045M", "1.050M", "1.055M", "1.060M"),
                labels(TickLabels.Kind.MONEY, 5_000, 1_045_000, 1_050_000, 1_055_000, 1_060_000));
        // by the value's own suffix: 500k is a whole number of thousands, 1.5M needs one decimal of millions
        assertEquals(List.of("0", "500k", "1.0M", "1.5M"), labels(TickLabels.Kind.MONEY, 500_000, 0, 5e5, 1e6, 1.5e6));
        assertEquals(List.of("0", "1M", "2M", "-3M"), labels(TickLabels.Kind.MONEY, 1e6, 0, 1e6, 2e6, -3e6));
    }

    @Test
    void report_twoDayRun_daysOnTheTimeAxesAndANoteForTheRollingWindows() {
        ReportData data = ReportFixtures.data(LocalDate.of(2020, 3, 16), LocalDate.of(2020, 3, 17),
                "PORT_A_TechGrowth", "adaptive: raise after a rebalance", Linking.CARINO);
        assertEquals(2, data.dates().size());
        String html = ReportRenderer.html(data);
        assertFalse(html.contains(">00:00<") || html.contains(">12:00<"), "hour ticks on a time axis");
        assertTrue(html.contains(">2020-03-16<"), "day ticks");
        assertTrue(html.contains("The rolling charts need at least 126 daily returns (about six months); this run has 1."),
                "note for the rolling windows");
    }
}
