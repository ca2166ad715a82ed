package io.rebalancer.rules.drools;

import io.rebalancer.rules.RuleProblem;
import io.rebalancer.rules.drools.DecisionTableLayout.Block;
import io.rebalancer.rules.drools.DecisionTableLayout.Column;
import io.rebalancer.rules.drools.DecisionTableLayout.DataRow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule names must be unique across the rule set: collects the names of DRL rules ({@code rule "..."}) and of table
 * rows (the NAME column) file by file, then reports each name used again, at its second place.
 */
final class RuleNameUniqueness {
    private static final Pattern RULE_DECL = Pattern.compile("^(\\s*)rule\\b\\s*");

    /** A rule name and where it is defined. */
    private record RuleName(String name, String file, String location) {
    }

    private final List<RuleName> names = new ArrayList<>();

    void addDrl(String file, String text) {
        String[] blank = DrlText.blankCommentsAndStrings(text).split("\n", -1);
        String[] raw = text.split("\n", -1);
        for (int i = 0; i < blank.length; i++) {
            Matcher m = RULE_DECL.matcher(blank[i]);
            if (!m.find()) {
                continue;
            }
            String rest = raw[i].substring(m.end()).trim();
            String name;
            if (rest.startsWith("\"") || rest.startsWith("'")) {
                int end = rest.indexOf(rest.charAt(0), 1);
                name = end < 0 ? rest.substring(1) : rest.substring(1, end);
            } else {
                name = rest.split("\\s+")[0];
            }
            names.add(new RuleName(name, file, String.valueOf(i + 1)));
        }
    }

    void addTable(String file, DecisionTableLayout layout) {
        for (Block b : layout.blocks()) {
            Column name = b.columns().stream().filter(Column::isName).findFirst().orElse(null);
            if (name == null) {
                continue;
            }
            int i = b.indexOf(name);
            for (DataRow r : b.rows()) {
                if (!r.cells().get(i).isEmpty()) {
                    names.add(new RuleName(r.cells().get(i), file, layout.sheet().location(r.row(), name.col())));
                }
            }
        }
    }

    /** An error for every name already used by a rule added before it. */
    List<RuleProblem> duplicates() {
        List<RuleProblem> out = new ArrayList<>();
        Map<String, RuleName> first = new LinkedHashMap<>();
        for (RuleName n : names) {
            RuleName earlier = first.putIfAbsent(n.name(), n);
            if (earlier != null) {
                out.add(RuleProblem.error(n.file(), n.location(), "rule name \"" + n.name() + "\" is already used at "
                        + where(earlier.file(), earlier.location()) + "; rule names must be unique across the rule set"));
            }
        }
        return out;
    }

    private static String where(String file, String location) {
        return location.contains("!") ? file + "!" + location : file + ":" + location;
    }
}
