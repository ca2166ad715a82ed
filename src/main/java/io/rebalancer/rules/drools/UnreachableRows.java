package io.rebalancer.rules.drools;

import io.rebalancer.rules.RuleProblem;
import io.rebalancer.rules.drools.DecisionTableLayout.Block;
import io.rebalancer.rules.drools.DecisionTableLayout.Column;
import io.rebalancer.rules.drools.DecisionTableLayout.DataRow;
import io.rebalancer.rules.drools.TableTerms.Range;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Table rows that can never fire or never add anything: an empty range (WARNING), the same conditions as an
 * earlier row with the same action (WARNING) or with a different one, so both fire (ERROR).
 */
final class UnreachableRows {
    private UnreachableRows() {
    }

    /** The rows reported, which the coverage checks then leave out. */
    static Set<Integer> find(String file, TableSheet sheet, Block block, TableTerms terms, TableCellValues values,
                             List<RuleProblem> out) {
        Set<Integer> dead = new LinkedHashSet<>();
        List<DataRow> valid = block.rows();
        for (DataRow row : valid) {
            for (Range r : terms.ranges()) {
                Interval i = values.interval(row, r);
                if (i.empty()) {
                    out.add(RuleProblem.warning(file, sheet.location(row.row(), r.column().col()), "row " + (row.row() + 1)
                            + " can never fire: " + TableTerms.label(r.column()) + " range " + i.text()
                            + " is empty (from must be below to)"));
                    dead.add(row.row());
                }
            }
        }

        List<Column> conditions = block.columns().stream().filter(Column::isCondition).toList();
        List<Column> actions = block.columns().stream().filter(Column::isAction).toList();
        Map<String, DataRow> seen = new LinkedHashMap<>();
        for (DataRow row : valid) {
            if (dead.contains(row.row())) {
                continue;
            }
            StringBuilder key = new StringBuilder();
            for (Column c : conditions) {
                key.append(normalise(row.cells().get(block.indexOf(c)))).append('\u0001');
            }
            DataRow earlier = seen.putIfAbsent(key.toString(), row);
            if (earlier == null) {
                continue;
            }
            boolean sameAction = actions.stream().allMatch(a -> normalise(row.cells().get(block.indexOf(a)))
                    .equals(normalise(earlier.cells().get(block.indexOf(a)))));
            int col = conditions.isEmpty() ? block.headerCol() : conditions.get(0).col();
            if (sameAction) {
                out.add(RuleProblem.warning(file, sheet.location(row.row(), col), "row " + (row.row() + 1)
                        + " can never add anything: it repeats row " + (earlier.row() + 1) + " (same conditions and action)"));
            } else {
                out.add(RuleProblem.error(file, sheet.location(row.row(), col), "overlap: rows " + (earlier.row() + 1)
                        + " and " + (row.row() + 1) + " have the same conditions (" + describe(block, earlier, conditions)
                        + ") but different actions, so both fire"));
            }
            dead.add(row.row());
        }
        return dead;
    }

    private static String describe(Block block, DataRow row, List<Column> conditions) {
        List<String> parts = new ArrayList<>();
        for (Column c : conditions) {
            String v = row.cells().get(block.indexOf(c));
            parts.add((c.label().isEmpty() ? TableSheet.columnLetter(c.col()) : c.label()) + " " + (v.isEmpty() ? "any" : v));
        }
        return String.join(", ", parts);
    }

    private static String normalise(String cell) {
        return String.join(",", DecisionTableLayout.split(cell)).toLowerCase(Locale.ROOT);
    }
}
