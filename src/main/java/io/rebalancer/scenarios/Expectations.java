package io.rebalancer.scenarios;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** A scenario's {@code expect} block against what it produced: one line per difference, none when it passes. */
final class Expectations {
    private Expectations() {
    }

    static List<String> compare(ScenarioSpec.Expect e, ScenarioOutcome o) {
        List<String> out = new ArrayList<>();
        check(out, "regime", e.regime(), o.regime());
        check(out, "verdict", e.verdict(), o.verdict());
        check(out, "recommended", e.recommended(), o.recommended());
        check(out, "chosen", e.chosen(), o.chosen());
        check(out, "timing", e.timing(), o.timing());
        if (e.vetoed() != null) {
            for (String v : e.vetoed()) {
                if (!o.vetoed().contains(v.toUpperCase(Locale.ROOT))) {
                    out.add(v + " expected vetoed but was not (vetoed: " + o.vetoed() + ")");
                }
            }
        }
        if (e.notVetoed() != null) {
            for (String v : e.notVetoed()) {
                if (o.vetoed().contains(v.toUpperCase(Locale.ROOT))) {
                    out.add(v + " expected not vetoed but was");
                }
            }
        }
        if (e.thresholdChanges() != null && !new LinkedHashSet<>(e.thresholdChanges()).equals(new LinkedHashSet<>(o.thresholdChanges()))) {
            out.add("threshold changes expected " + e.thresholdChanges() + " but were " + o.thresholdChanges());
        }
        if (e.priorities() != null) {
            e.priorities().forEach((ticker, p) -> {
                if (!p.equalsIgnoreCase(o.priorities().getOrDefault(ticker, "none"))) {
                    out.add("priority of " + ticker + " expected " + p + " but was " + o.priorities().getOrDefault(ticker, "none"));
                }
            });
        }
        if (e.fired() != null) {
            for (String rule : e.fired()) {
                if (!o.fired().contains(rule)) {
                    out.add("rule \"" + rule + "\" did not fire");
                }
            }
        }
        if (e.notFired() != null) {
            for (String rule : e.notFired()) {
                if (o.fired().contains(rule)) {
                    out.add("rule \"" + rule + "\" fired but must not");
                }
            }
        }
        return out;
    }

    private static void check(List<String> out, String what, String expected, String actual) {
        if (expected != null && !expected.equalsIgnoreCase(actual)) {
            out.add(what + " expected " + expected + " but was " + actual);
        }
    }
}
