package io.rebalancer.explain;

import io.rebalancer.agents.CycleRecord;
import io.rebalancer.rules.facts.Recommendation;

import java.util.Comparator;
import java.util.List;

import static io.rebalancer.explain.Figures.f;

/** A decision's scenarios best first by net score (unscored last), and why each one was not recommended. */
public final class ScenarioRanking {
    private ScenarioRanking() {
    }

    /** The analysed scenarios by descending score; empty when the cycle was not analysed. */
    public static List<CycleRecord.Scenario> bestFirst(CycleRecord r) {
        if (r.analysis() == null) {
            return List.of();
        }
        return r.analysis().scenarios().stream()
                .sorted(Comparator.comparingDouble((CycleRecord.Scenario x) -> x.score() == null ? -1 : -x.score().score()))
                .toList();
    }

    /** Why a scenario other than the recommended one lost: its first veto, no score, or how far behind it netted. */
    public static String whyNot(CycleRecord.Scenario sc, Recommendation rec) {
        return !sc.vetoes().isEmpty() ? "vetoed: " + sc.vetoes().get(0).reason()
                : sc.score() == null ? "not scored"
                : f("nets %.2f bp a year, %.2f behind", sc.score().score(), rec.score() - sc.score().score());
    }
}
