package io.rebalancer.rules.drools;

import io.rebalancer.rules.RuleProblem;
import io.rebalancer.rules.drools.DecisionTableLayout.Block;
import io.rebalancer.rules.drools.DecisionTableLayout.Column;
import io.rebalancer.rules.drools.DecisionTableLayout.DataRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lint of the table cells that compile whatever they hold but that the code accepts only from a fixed list
 * ({@link CellChoices}): a value quoted into a string ({@code b.review("$param")}, {@code failure == "$param"}) and
 * the phase column. A misspelt Review cadence (ANUAL) or phase would otherwise build clean and fail, or never fire,
 * only when a cycle runs. Enum constants in conditions ({@code Regime.$param}) are RuleLinter's, and a wrong one in
 * an action does not compile, so neither is checked twice.
 */
final class ChoiceCellCheck {
    private ChoiceCellCheck() {
    }

    /** One ERROR per cell of {@code block} holding a value outside its column's choices. */
    static List<RuleProblem> check(String file, TableSheet sheet, Block block) {
        List<RuleProblem> out = new ArrayList<>();
        for (Column c : block.columns()) {
            boolean phase = c.type().startsWith("RULEFLOW-GROUP") || c.type().startsWith("AGENDA-GROUP");
            if (!phase && !c.template().contains("\"$param\"")) {
                continue;
            }
            Optional<CellChoices.Choices> choices = CellChoices.of(c);
            if (choices.isEmpty()) {
                continue;
            }
            int i = block.indexOf(c);
            for (DataRow r : block.rows()) {
                String v = r.cells().get(i);
                if (!v.isEmpty() && !choices.get().values().contains(v)) {
                    out.add(RuleProblem.error(file, sheet.location(r.row(), c.col()), "'" + v + "' is not a "
                            + choices.get().what() + "; use one of " + String.join(", ", choices.get().values())));
                }
            }
        }
        return out;
    }
}
