package io.rebalancer.rules.drools;

import io.rebalancer.rules.RuleProblem;
import io.rebalancer.rules.drools.DecisionTableLayout.DataRow;
import io.rebalancer.rules.drools.TableTerms.Range;
import io.rebalancer.rules.drools.TableTerms.Term;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.rebalancer.rules.drools.Interval.num;

/**
 * Each numeric range of a table must tile the values its rows span: rows grouped by their other conditions, a
 * value no row of a group covers is a gap and one that two rows cover an overlap (both ERROR).
 */
final class RangeTiling {
    private RangeTiling() {
    }

    static void check(String file, TableSheet sheet, TableTerms terms, TableCellValues values, List<DataRow> live,
                      List<RuleProblem> out) {
        for (Range r : terms.ranges()) {
            double domainLo = Double.POSITIVE_INFINITY;
            double domainHi = Double.NEGATIVE_INFINITY;
            for (DataRow row : live) {
                Interval i = values.interval(row, r);
                if (i.isUnbounded()) {
                    // a row that leaves this range blank does not take part in it (e.g. an alert on another condition)
                    continue;
                }
                domainLo = Math.min(domainLo, i.lo());
                domainHi = Math.max(domainHi, i.hi());
            }
            Map<String, List<Interval>> groups = new TreeMap<>();
            Map<String, String> groupLabel = new LinkedHashMap<>();
            for (DataRow row : live) {
                StringBuilder key = new StringBuilder();
                StringBuilder labelText = new StringBuilder();
                for (Term t : terms.keys()) {
                    String v = values.key(row, t);
                    key.append(t.dimension()).append('=').append(v).append(';');
                    labelText.append(labelText.length() == 0 ? "" : ", ").append(t.label()).append(' ').append(v);
                }
                for (Range other : terms.ranges()) {
                    if (other != r) {
                        Interval i = values.interval(row, other);
                        key.append(other.dimension()).append('=').append(i.text()).append(';');
                        labelText.append(labelText.length() == 0 ? "" : ", ").append(other.field()).append(' ').append(i.text());
                    }
                }
                key.append(values.others().get(row.row()));
                groups.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(values.interval(row, r));
                groupLabel.putIfAbsent(key.toString(), labelText.toString());
            }
            for (Map.Entry<String, List<Interval>> g : groups.entrySet()) {
                String scope = groupLabel.get(g.getKey()).isEmpty() ? "" : " for " + groupLabel.get(g.getKey());
                checkGroup(file, sheet, r, g.getValue(), domainLo, domainHi, scope, out);
            }
        }
    }

    private static void checkGroup(String file, TableSheet sheet, Range r, List<Interval> group, double domainLo,
                                   double domainHi, String scope, List<RuleProblem> out) {
        List<Interval> list = new ArrayList<>(group);
        list.sort(Comparator.comparingDouble(Interval::lo).thenComparingInt(Interval::row));
        Interval first = list.get(0);
        if (first.lo() > domainLo) {
            out.add(RuleProblem.error(file, sheet.location(first.row(), first.col()), "gap: no row covers "
                    + r.field() + " from " + num(domainLo) + " to " + num(first.lo()) + scope
                    + " (the other rows of the table start at " + num(domainLo) + ")"));
        }
        Interval reach = first;
        for (int k = 1; k < list.size(); k++) {
            Interval next = list.get(k);
            if (next.lo() < reach.hi() || (next.lo() == reach.hi() && next.loIncl() && reach.hiIncl())) {
                double at = next.lo();
                double upTo = Math.min(next.hi(), reach.hi());
                out.add(RuleProblem.error(file, sheet.location(next.row(), next.col()), "overlap: rows "
                        + (reach.row() + 1) + " and " + (next.row() + 1) + " both match " + r.field() + " = "
                        + num(at) + scope + " (" + reach.text() + " and " + next.text() + " share "
                        + (at == upTo ? num(at) : "[" + num(at) + ", " + num(upTo) + ")") + ")"));
            } else if (next.lo() > reach.hi() || (next.lo() == reach.hi() && !next.loIncl() && !reach.hiIncl())) {
                out.add(RuleProblem.error(file, sheet.location(next.row(), next.col()), "gap: no row covers "
                        + r.field() + " from " + num(reach.hi()) + " to " + num(next.lo()) + scope + " (row "
                        + (reach.row() + 1) + " ends at " + num(reach.hi()) + ", row " + (next.row() + 1)
                        + " starts at " + num(next.lo()) + ")"));
            }
            if (next.hi() > reach.hi() || (next.hi() == reach.hi() && next.hiIncl())) {
                reach = next;
            }
        }
        if (reach.hi() < domainHi) {
            out.add(RuleProblem.error(file, sheet.location(reach.row(), reach.col()), "gap: no row covers "
                    + r.field() + " from " + num(reach.hi()) + " to " + num(domainHi) + scope
                    + " (the other rows of the table reach " + num(domainHi) + ")"));
        }
    }
}
