package io.rebalancer.rules.drools;

import io.rebalancer.domain.Priority;
import io.rebalancer.domain.Regime;
import io.rebalancer.domain.ScenarioType;
import io.rebalancer.domain.Side;
import io.rebalancer.domain.Timing;
import io.rebalancer.domain.Verdict;
import io.rebalancer.rules.drools.DecisionTableLayout.Block;
import io.rebalancer.rules.drools.DecisionTableLayout.Column;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The condition templates of one decision-table block, parsed into what the table checks reason about:
 * equality keys ({@code field == $1}, {@code field == Enum.$param}), numeric ranges (a lower and an upper bound on
 * the same field, in one cell or in two columns that every row fills) and other conditions, compared as text.
 */
record TableTerms(List<Term> keys, List<Range> ranges, Map<Column, List<Term>> others) {

    private static final Pattern RANGE_TERM = Pattern.compile(
            "^\\s*([\\w.()]+)\\s*(>=|>|<=|<)\\s*\\$(\\d+|param)\\s*$");
    private static final Pattern EQ_TERM = Pattern.compile(
            "^\\s*([\\w.()]+)\\s*==\\s*(?:(\\w+)\\s*\\.\\s*)?\\$(\\d+|param)\\s*$");
    private static final Map<String, List<String>> ENUMS = new LinkedHashMap<>();

    static {
        ENUMS.put("Regime", names(Regime.values()));
        ENUMS.put("ScenarioType", names(ScenarioType.values()));
        ENUMS.put("Timing", names(Timing.values()));
        ENUMS.put("Priority", names(Priority.values()));
        ENUMS.put("Verdict", names(Verdict.values()));
        ENUMS.put("Side", names(Side.values()));
    }

    /** One term of a condition template: {@code field op $n}, with the enum class for {@code Enum.$param}. */
    record Term(Column column, String field, String op, int param, String enumName) {
        String dimension() {
            return column.col() + ":" + field;
        }

        boolean lower() {
            return op.startsWith(">");
        }

        /** This term's value in a row's cell: the whole cell for {@code $param}, else its n-th comma value. */
        String value(String cell) {
            if (param == 0) {
                return cell.trim();
            }
            List<String> values = DecisionTableLayout.split(cell);
            return param <= values.size() ? values.get(param - 1) : "";
        }

        /** The key as an analyst reads it: "regime", "previous regime", "scenario" or the field name. */
        String label() {
            String pattern = column.pattern();
            String type = pattern.contains(":") ? pattern.substring(pattern.indexOf(':') + 1).trim() : pattern.trim();
            if (type.equals("PreviousRegime")) {
                return "previous regime";
            }
            if (field.equals("regime")) {
                return "regime";
            }
            if (field.equals("type")) {
                return "scenario";
            }
            return field;
        }
    }

    /** One range condition: a lower and an upper term on the same field of one column. */
    record Range(Column column, String field, Term lower, Term upper) {
        String dimension() {
            return column.col() + ":" + field;
        }
    }

    /** The constants of an io.rebalancer.domain enum a table names ({@code Regime.$param}), or null. */
    static List<String> constants(String enumName) {
        return enumName == null ? null : ENUMS.get(enumName);
    }

    /** {@code column D 'VIX from / to'}. */
    static String label(Column c) {
        return "column " + TableSheet.columnLetter(c.col()) + (c.label().isEmpty() ? "" : " '" + c.label() + "'");
    }

    static TableTerms of(Block block) {
        List<Term> eqTerms = new ArrayList<>();
        List<Range> ranges = new ArrayList<>();
        Map<Column, List<Term>> opaque = new LinkedHashMap<>();
        // a range's bounds may sit in one cell ($1, $2) or in two columns constraining the same pattern
        Map<String, Term> lowers = new LinkedHashMap<>();
        Map<String, Term> uppers = new LinkedHashMap<>();
        for (Column c : block.columns()) {
            if (!c.isCondition()) {
                continue;
            }
            for (String part : c.template().split("&&")) {
                Matcher r = RANGE_TERM.matcher(part);
                Matcher e = EQ_TERM.matcher(part);
                if (r.matches()) {
                    Term t = new Term(c, r.group(1), r.group(2), paramIndex(r.group(3)), null);
                    (t.lower() ? lowers : uppers).putIfAbsent(c.pattern() + "|" + t.field(), t);
                } else if (e.matches()) {
                    eqTerms.add(new Term(c, e.group(1), "==", paramIndex(e.group(3)), e.group(2)));
                } else if (DecisionTableLayout.PARAM.matcher(part).find()) {
                    opaque.computeIfAbsent(c, k -> new ArrayList<>()).add(new Term(c, part.trim(), "?", 0, null));
                }
            }
        }
        for (Map.Entry<String, Term> lo : lowers.entrySet()) {
            Term hi = uppers.get(lo.getKey());
            Term low = lo.getValue();
            // bounds in two columns form a range to tile only when every row gives at least one of them (a table
            // of ranges, as the workbooks split them); columns that most rows leave empty are independent filters
            boolean tiling = hi != null && (low.column() == hi.column() || block.rows().stream().allMatch(
                    row -> !row.cells().get(block.indexOf(low.column())).isEmpty()
                            || !row.cells().get(block.indexOf(hi.column())).isEmpty()));
            if (tiling) {
                ranges.add(new Range(low.column(), low.field(), low, hi));
            } else if (hi != null) {
                opaque.computeIfAbsent(low.column(), k -> new ArrayList<>()).add(low);
                opaque.computeIfAbsent(hi.column(), k -> new ArrayList<>()).add(hi);
            } else {
                opaque.computeIfAbsent(lo.getValue().column(), k -> new ArrayList<>()).add(lo.getValue());
            }
        }
        uppers.keySet().removeAll(lowers.keySet());
        uppers.values().forEach(t -> opaque.computeIfAbsent(t.column(), k -> new ArrayList<>()).add(t));
        return new TableTerms(eqTerms, ranges, opaque);
    }

    private static int paramIndex(String p) {
        return p.equals("param") ? 0 : Integer.parseInt(p);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
