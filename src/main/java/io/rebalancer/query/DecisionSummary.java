package io.rebalancer.query;

import io.rebalancer.agents.CycleRecord;
import io.rebalancer.domain.Execution;

import java.time.LocalDate;
import java.util.List;

/**
 * One stored decision in a line: regime, verdict, action (NO_ACTION, DEFER, REBALANCE), chosen scenario and timing,
 * the plan's totals (turnover a fraction of NAV, value and cost in currency) and how far it was executed on paper
 * ({@code executed}: "-" when there is nothing to execute, "no", "yes" or "tranche k/N").
 */
public record DecisionSummary(String cycleId, String portfolioId, LocalDate asOf, String rulesHash, String regime,
                              String verdict, String action, String scenario, String timing, int tradeCount,
                              double turnover, double tradedValue, double cost, String executed) {
    static DecisionSummary of(CycleRecord r, List<Execution> executions) {
        CycleRecord.Decision d = r.decision();
        Execution last = executions.isEmpty() ? null : executions.get(executions.size() - 1);
        String executed = last == null ? (r.rebalanced() ? "no" : "-")
                : last.tranches() > 1 ? "tranche " + last.tranche() + "/" + last.tranches() : "yes";
        return new DecisionSummary(r.cycleId(), r.portfolioId(), r.asOf(), r.rulesHash(),
                r.monitor().regime().regime().name(), r.monitor().verdict().name(), d.action(),
                d.chosen() == null ? null : d.chosen().type().name(),
                d.timing() == null ? null : d.timing().timing().name(), d.tradeCount(), d.turnover(), d.tradedValue(),
                d.cost(), executed);
    }
}
