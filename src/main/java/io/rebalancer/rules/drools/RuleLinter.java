package io.rebalancer.rules.drools;

import io.rebalancer.rules.RuleProblem;
import io.rebalancer.rules.drools.DecisionTableLayout.Block;
import io.rebalancer.rules.drools.DecisionTableLayout.DataRow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Static checks on a rule directory beyond what the compiler catches; each check is its own class:
 * <ul>
 *   <li>every file: {@link RuleNameUniqueness} (ERROR) and {@link ForbiddenApiHints}: code that reaches System,
 *   Runtime, processes, reflection, threads, files or the network (ERROR);</li>
 *   <li>each decision-table block, its templates parsed by {@link TableTerms}: {@link TableCellValues} (wrong
 *   number of values, unknown enum constant, bounds that are not numbers: ERROR), {@link UnreachableRows} (empty
 *   ranges, duplicates: WARNING; conflicting duplicates: ERROR), {@link RangeTiling} (gaps and overlaps of numeric
 *   ranges, also inside multi-parameter cells, per group of the other conditions: ERROR) and {@link KeyCoverage}
 *   (enum and true/false keys never mentioned, alone or in combination: ERROR).</li>
 * </ul>
 * Findings name the file and the cell ({@code Sheet1!D12}) or the DRL line ({@code 31:9}).
 */
public final class RuleLinter {
    private RuleLinter() {
    }

    public static List<RuleProblem> lint(RuleFiles files) {
        List<RuleProblem> out = new ArrayList<>();
        RuleNameUniqueness names = new RuleNameUniqueness();
        for (Path p : files.all()) {
            String rel = files.relative(p);
            if (files.drl().contains(p)) {
                String text = RuleFiles.read(p);
                out.addAll(ForbiddenApiHints.inDrl(rel, text));
                names.addDrl(rel, text);
                continue;
            }
            List<DecisionTableLayout> layouts;
            try {
                layouts = TableSheet.read(p).stream().map(DecisionTableLayout::of).toList();
            } catch (RuntimeException e) {
                out.add(RuleProblem.error(rel, "", "cannot read the table: " + e.getMessage()));
                continue;
            }
            for (DecisionTableLayout layout : layouts) {
                out.addAll(lintTable(rel, layout));
                names.addTable(rel, layout);
            }
        }
        out.addAll(names.duplicates());
        return out;
    }

    /**
     * Whether a problem is one of this lint's security findings: a word in the text that looks like a forbidden
     * API. They locate a call precisely, but the bytecode sandbox decides what is refused.
     */
    static boolean isSecurityHint(RuleProblem p) {
        return ForbiddenApiHints.isHint(p);
    }

    static List<RuleProblem> lintTable(String file, DecisionTableLayout layout) {
        List<RuleProblem> out = new ArrayList<>(ForbiddenApiHints.inTable(file, layout));
        for (Block block : layout.blocks()) {
            lintBlock(file, layout.sheet(), block, out);
            out.addAll(ChoiceCellCheck.check(file, layout.sheet(), block));
        }
        return out;
    }

    private static void lintBlock(String file, TableSheet sheet, Block block, List<RuleProblem> out) {
        TableTerms terms = TableTerms.of(block);
        TableCellValues values = TableCellValues.read(file, sheet, block, terms, out);
        if (values.anyUnreadable()) {
            return; // coverage checks on a table with unreadable rows would only repeat the same problem
        }
        Set<Integer> dead = UnreachableRows.find(file, sheet, block, terms, values, out);
        List<DataRow> live = block.rows().stream().filter(r -> !dead.contains(r.row())).toList();
        RangeTiling.check(file, sheet, terms, values, live, out);
        KeyCoverage.check(file, sheet, block, terms, values, live, out);
    }
}
