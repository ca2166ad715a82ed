package io.rebalancer.rules.drools;

import io.rebalancer.rules.RuleProblem;
import io.rebalancer.rules.drools.DecisionTableLayout.Block;
import io.rebalancer.rules.drools.DecisionTableLayout.Column;
import io.rebalancer.rules.drools.DecisionTableLayout.DataRow;
import io.rebalancer.rules.drools.TableTerms.Term;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A table keyed on finite values (io.rebalancer.domain enums, true/false) must mention every value of each key
 * and, once each is complete, every combination of two or more keys (ERROR), except the diagonal of one enum in
 * two columns ("no change"). A blank cell stands for every value.
 */
final class KeyCoverage {
    private KeyCoverage() {
    }

    static void check(String file, TableSheet sheet, Block block, TableTerms terms, TableCellValues values,
                      List<DataRow> live, List<RuleProblem> out) {
        List<Term> finite = new ArrayList<>();
        Map<Term, List<String>> domains = new LinkedHashMap<>();
        for (Term t : terms.keys()) {
            List<String> d = TableTerms.constants(t.enumName());
            if (d == null) {
                boolean bool = !live.isEmpty() && live.stream().map(r -> values.key(r, t))
                        .allMatch(v -> v.equals("true") || v.equals("false") || v.equals("*"));
                d = bool ? List.of("true", "false") : null;
            }
            if (d != null) {
                finite.add(t);
                domains.put(t, d);
            }
        }
        Set<Term> incomplete = new LinkedHashSet<>();
        for (Term t : finite) {
            Set<String> mentioned = new LinkedHashSet<>();
            live.forEach(r -> mentioned.add(values.key(r, t)));
            if (mentioned.contains("*")) {
                continue;
            }
            for (String v : domains.get(t)) {
                if (!mentioned.contains(v)) {
                    incomplete.add(t);
                    out.add(RuleProblem.error(file, sheet.location(t.column().templateRow() + 1, t.column().col()),
                            "missing " + (t.enumName() == null ? t.label() : t.enumName()) + " " + v + ": no row of table '"
                                    + block.name() + "' has " + t.label() + " " + v
                                    + ", so cycles in that case get no conclusion from it"));
                }
            }
        }
        if (finite.size() >= 2 && incomplete.isEmpty()) {
            checkCombinations(file, sheet, block, values, live, finite, domains, out);
        }
    }

    private static void checkCombinations(String file, TableSheet sheet, Block block, TableCellValues values,
                                          List<DataRow> live, List<Term> finite, Map<Term, List<String>> domains,
                                          List<RuleProblem> out) {
        Set<List<String>> present = new LinkedHashSet<>();
        for (DataRow row : live) {
            List<List<String>> expanded = new ArrayList<>();
            expanded.add(new ArrayList<>());
            for (Term t : finite) {
                String v = values.key(row, t);
                List<String> vs = v.equals("*") ? domains.get(t) : List.of(v);
                expanded = extend(expanded, vs);
            }
            present.addAll(expanded);
        }
        List<List<String>> all = new ArrayList<>();
        all.add(new ArrayList<>());
        for (Term t : finite) {
            all = extend(all, domains.get(t));
        }
        for (List<String> combo : all) {
            if (present.contains(combo) || isDiagonal(finite, combo)) {
                continue;
            }
            StringBuilder d = new StringBuilder();
            for (int i = 0; i < finite.size(); i++) {
                d.append(i == 0 ? "" : ", ").append(finite.get(i).label()).append(' ').append(combo.get(i));
            }
            Column c = finite.get(0).column();
            out.add(RuleProblem.error(file, sheet.location(c.templateRow() + 1, c.col()), "missing combination: no row of table '"
                    + block.name() + "' has " + d + ", so cycles in that case get no conclusion from it"));
        }
    }

    /** Every prefix followed by every one of the values (a cartesian product step). */
    private static List<List<String>> extend(List<List<String>> prefixes, List<String> values) {
        List<List<String>> next = new ArrayList<>();
        for (List<String> prefix : prefixes) {
            for (String x : values) {
                List<String> l = new ArrayList<>(prefix);
                l.add(x);
                next.add(l);
            }
        }
        return next;
    }

    /** Same enum in two columns with the same value (e.g. previous regime = new regime): a "no change" case tables may omit. */
    private static boolean isDiagonal(List<Term> finite, List<String> combo) {
        for (int i = 0; i < finite.size(); i++) {
            for (int j = i + 1; j < finite.size(); j++) {
                if (finite.get(i).enumName() != null && Objects.equals(finite.get(i).enumName(), finite.get(j).enumName())
                        && combo.get(i).equals(combo.get(j))) {
                    return true;
                }
            }
        }
        return false;
    }
}
