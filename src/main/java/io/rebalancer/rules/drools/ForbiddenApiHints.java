package io.rebalancer.rules.drools;

import io.rebalancer.rules.RuleProblem;
import io.rebalancer.rules.drools.DecisionTableLayout.Block;
import io.rebalancer.rules.drools.DecisionTableLayout.Column;
import io.rebalancer.rules.drools.DecisionTableLayout.DataRow;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words in rule code that look like a forbidden API (System, Runtime, processes, reflection, threads, files, the
 * network), by DRL line and column or by table cell. They locate a call precisely, but the bytecode sandbox
 * ({@link RuleSandbox}) decides what is refused: these findings are hints ({@link #isHint}).
 */
final class ForbiddenApiHints {

    /** A forbidden API and the reason it is forbidden in a rule. */
    private record Forbidden(Pattern pattern, String what) {
    }

    private static final List<Forbidden> FORBIDDEN = List.of(
            f("\\bSystem\\s*\\.", "System (exit, properties, console)"),
            f("\\bRuntime\\b", "Runtime (exit, exec)"),
            f("\\bProcessBuilder\\b|\\bProcessHandle\\b", "process creation"),
            f("\\bClass\\s*\\.\\s*forName\\b", "reflection (Class.forName)"),
            f("\\.\\s*getDeclared\\w*\\s*\\(", "reflection (getDeclared*)"),
            f("\\.\\s*(getMethod|getField|getConstructor|setAccessible)\\s*\\(", "reflection"),
            f("\\bjava\\s*\\.\\s*lang\\s*\\.\\s*reflect\\b", "reflection (java.lang.reflect)"),
            f("\\bjava\\s*\\.\\s*lang\\s*\\.\\s*invoke\\b|\\bMethodHandles?\\b", "reflection (method handles)"),
            f("\\bThread\\b|\\bThreadGroup\\b", "threads (Thread)"),
            f("\\bExecutors?\\b|\\bExecutorService\\b|\\bForkJoinPool\\b|\\bCompletableFuture\\b", "threads (executors)"),
            f("\\bjava\\s*\\.\\s*io\\b", "file I/O (java.io)"),
            f("\\bjava\\s*\\.\\s*nio\\s*\\.\\s*file\\b", "file I/O (java.nio.file)"),
            f("\\bFiles\\s*\\.|\\bFile(Input|Output)Stream\\b|\\bFile(Reader|Writer)\\b|\\bRandomAccessFile\\b|\\bnew\\s+File\\s*\\(",
                    "file I/O"),
            f("\\bjava\\s*\\.\\s*net\\b", "network (java.net)"),
            f("\\b(Server)?Socket\\b|\\bURL\\b|\\bURLConnection\\b|\\bHttpURLConnection\\b|\\bHttpClient\\b",
                    "network"));

    private static final String PREFIX = "security: '";

    private ForbiddenApiHints() {
    }

    private static Forbidden f(String regex, String what) {
        return new Forbidden(Pattern.compile(regex), what);
    }

    /** Whether a problem is one of these findings, not a refusal. */
    static boolean isHint(RuleProblem p) {
        return p.message().startsWith(PREFIX);
    }

    /** The first forbidden API on each line of a DRL file, at {@code line:column}. */
    static List<RuleProblem> inDrl(String file, String text) {
        List<RuleProblem> out = new ArrayList<>();
        String[] lines = DrlText.blankCommentsAndStrings(text).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            for (Forbidden f : FORBIDDEN) {
                Matcher m = f.pattern().matcher(lines[i]);
                if (m.find()) {
                    out.add(RuleProblem.error(file, (i + 1) + ":" + (m.start() + 1), message(f, m.group())));
                    break;
                }
            }
        }
        return out;
    }

    /** The first forbidden API in each code cell of a table: settings, templates, patterns and data cells. */
    static List<RuleProblem> inTable(String file, DecisionTableLayout layout) {
        List<RuleProblem> out = new ArrayList<>();
        TableSheet sheet = layout.sheet();
        for (DecisionTableLayout.SettingCell s : layout.settings()) {
            if (!s.keyword().equalsIgnoreCase("Notes") && !s.keyword().equalsIgnoreCase("RuleSet")) {
                scanCell(file, sheet, s.row(), s.col(), s.value(), out);
            }
        }
        for (Block b : layout.blocks()) {
            for (Column c : b.columns()) {
                if (c.isCondition() || c.isAction()) {
                    scanCell(file, sheet, c.templateRow(), c.col(), c.template(), out);
                    scanCell(file, sheet, c.typeRow() + 1, c.col(), c.pattern(), out);
                    int i = b.indexOf(c);
                    for (DataRow r : b.rows()) {
                        scanCell(file, sheet, r.row(), c.col(), r.cells().get(i), out);
                    }
                }
            }
        }
        return out;
    }

    private static void scanCell(String file, TableSheet sheet, int row, int col, String text, List<RuleProblem> out) {
        String code = DrlText.blankCommentsAndStrings(text);
        for (Forbidden f : FORBIDDEN) {
            Matcher m = f.pattern().matcher(code);
            if (m.find()) {
                out.add(RuleProblem.error(file, sheet.location(row, col), message(f, m.group())));
                return;
            }
        }
    }

    private static String message(Forbidden f, String found) {
        return PREFIX + found.trim() + "' reaches " + f.what()
                + "; rules may only compute and insert facts";
    }
}
