package io.rebalancer.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A live cycle run and recorded (or found recorded before), with its reasoning and plan, and what was executed on
 * paper when asked ({@code execution} null when nothing was, {@code executionNote} says why).
 */
public record CycleRun(DecisionSummary decision, boolean alreadyRecorded, boolean asOfDefaulted, List<String> reasoning,
                       List<DecisionExplanation.PlanRow> plan, ExecutionSummary execution, String executionNote) {
    public CycleRun {
        reasoning = List.copyOf(reasoning);
        plan = List.copyOf(plan);
    }

    public record ExecutionSummary(String executionId, String cycleId, LocalDate date, int tranche, int tranches,
                                   int fills, BigDecimal tradedValue, BigDecimal cost, BigDecimal cashBefore,
                                   BigDecimal cashAfter, boolean alreadyExecuted) {
    }
}
