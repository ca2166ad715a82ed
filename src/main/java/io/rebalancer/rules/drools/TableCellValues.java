package io.rebalancer.rules.drools;

import io.rebalancer.rules.RuleProblem;
import io.rebalancer.rules.drools.DecisionTableLayout.Block;
import io.rebalancer.rules.drools.DecisionTableLayout.Column;
import io.rebalancer.rules.drools.DecisionTableLayout.DataRow;
import io.rebalancer.rules.drools.TableTerms.Range;
import io.rebalancer.rules.drools.TableTerms.Term;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each row's condition values read by type: the number of comma values a template needs ($1..$n), enum constants
 * that exist, range bounds that are numbers (ERROR otherwise). Keys by row: a key's value ({@code *} when blank),
 * a range's interval (unbounded when blank), and the other conditions as text.
 */
record TableCellValues(Map<Integer, Map<String, String>> keys, Map<Integer, Map<String, Interval>> intervals,
                       Map<Integer, String> others, boolean anyUnreadable) {

    static TableCellValues read(String file, TableSheet sheet, Block block, TableTerms terms, List<RuleProblem> out) {
        Map<Integer, Map<String, String>> eqByRow = new LinkedHashMap<>();
        Map<Integer, Map<String, Interval>> rangeByRow = new LinkedHashMap<>();
        Map<Integer, String> otherByRow = new LinkedHashMap<>();
        Set<Integer> broken = new LinkedHashSet<>();
        for (DataRow row : block.rows()) {
            for (Column c : block.columns()) {
                String cell = row.cells().get(block.indexOf(c));
                int needed = c.parameterCount();
                if ((c.isCondition() || c.isAction()) && !cell.isEmpty() && needed > 1
                        && !c.template().contains("$param")) {
                    int given = DecisionTableLayout.split(cell).size();
                    if (given != needed) {
                        out.add(RuleProblem.error(file, sheet.location(row.row(), c.col()), "'" + cell + "' has " + given
                                + " value" + (given == 1 ? "" : "s") + " but the " + TableTerms.label(c) + " template needs "
                                + needed + " ($1..$" + needed + "), separated by commas"));
                        broken.add(row.row());
                    }
                }
            }
            if (broken.contains(row.row())) {
                continue;
            }
            Map<String, String> eq = new LinkedHashMap<>();
            for (Term t : terms.keys()) {
                String cell = row.cells().get(block.indexOf(t.column()));
                if (cell.isEmpty()) {
                    eq.put(t.dimension(), "*");
                    continue;
                }
                String v = t.value(cell);
                List<String> constants = TableTerms.constants(t.enumName());
                if (constants != null && !constants.contains(v)) {
                    out.add(RuleProblem.error(file, sheet.location(row.row(), t.column().col()), "'" + v + "' is not a "
                            + t.enumName() + "; use one of " + String.join(", ", constants)));
                    broken.add(row.row());
                }
                eq.put(t.dimension(), v);
            }
            Map<String, Interval> iv = new LinkedHashMap<>();
            for (Range r : terms.ranges()) {
                String cell = row.cells().get(block.indexOf(r.lower().column()));
                String upperCell = row.cells().get(block.indexOf(r.upper().column()));
                if (cell.isEmpty() && upperCell.isEmpty()) {
                    iv.put(r.dimension(), Interval.unbounded(row.row(), r.column().col()));
                    continue;
                }
                String lo = cell.isEmpty() ? "-Infinity" : r.lower().value(cell);
                String hi = upperCell.isEmpty() ? "Infinity" : r.upper().value(upperCell);
                if (r.lower().column() != r.upper().column()) {
                    cell = cell + " / " + upperCell;
                }
                try {
                    iv.put(r.dimension(), new Interval(Double.parseDouble(lo), r.lower().op().equals(">="),
                            Double.parseDouble(hi), r.upper().op().equals("<="), row.row(), r.column().col()));
                } catch (NumberFormatException e) {
                    out.add(RuleProblem.error(file, sheet.location(row.row(), r.column().col()), "'" + cell
                            + "': the range bounds of " + TableTerms.label(r.column()) + " must be numbers"));
                    broken.add(row.row());
                }
            }
            StringBuilder other = new StringBuilder();
            terms.others().forEach((c, ts) -> other.append(c.col()).append('=')
                    .append(row.cells().get(block.indexOf(c))).append(';'));
            eqByRow.put(row.row(), eq);
            rangeByRow.put(row.row(), iv);
            otherByRow.put(row.row(), other.toString());
        }
        return new TableCellValues(eqByRow, rangeByRow, otherByRow, !broken.isEmpty());
    }

    String key(DataRow row, Term t) {
        return keys.get(row.row()).get(t.dimension());
    }

    Interval interval(DataRow row, Range r) {
        return intervals.get(row.row()).get(r.dimension());
    }
}
