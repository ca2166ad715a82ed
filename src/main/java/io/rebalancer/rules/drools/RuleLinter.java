package io.rebalancer.rules.drools;

import io.rebalancer.domain.Regime;
import io.rebalancer.domain.ScenarioType;
import io.rebalancer.rules.RuleProblem;
import io.rebalancer.rules.drools.DecisionTableLayout.Block;
import io.rebalancer.rules.drools.DecisionTableLayout.Column;
import io.rebalancer.rules.drools.DecisionTableLayout.DataRow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Static checks on a rule directory beyond what the compiler catches.
 * <ul>
 *   <li>Decision tables: numeric ranges ({@code x >= $1 && x < $2}, also inside multi-parameter cells) grouped
 *   by the other conditions, with gaps and overlaps (ERROR); enum keys (Regime, ScenarioType, other
 *   io.rebalancer.domain enums, true/false) that are never mentioned, alone or in combination (ERROR); rows that
 *   can never fire, i.e. empty ranges or exact duplicates (WARNING); conflicting duplicates (ERROR); cells with
 *   the wrong number of values or an unknown enum constant (ERROR).</li>
 *   <li>Every file: rule names used twice (ERROR), and code that reaches System, Runtime, processes,
 *   reflection, threads, files or the network (ERROR).</li>
 * </ul>
 * Findings name the file and the cell ({@code Sheet1!D12}) or the DRL line ({@code 31:9}).
 */
public final class RuleLinter {

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

    private static final Pattern RANGE_TERM = Pattern.compile(
            "^\\s*([\\w.()]+)\\s*(>=|>|<=|<)\\s*\\$(\\d+|param)\\s*$");
    private static final Pattern EQ_TERM = Pattern.compile(
            "^\\s*([\\w.()]+)\\s*==\\s*(?:(\\w+)\\s*\\.\\s*)?\\$(\\d+|param)\\s*$");
    private static final Pattern RULE_DECL = Pattern.compile("^(\\s*)rule\\b\\s*");
    private static final Map<String, List<String>> ENUMS = new LinkedHashMap<>();

    static {
        ENUMS.put("Regime", Arrays.stream(Regime.values()).map(Enum::name).toList());
        ENUMS.put("ScenarioType", Arrays.stream(ScenarioType.values()).map(Enum::name).toList());
        ENUMS.put("Timing", Arrays.stream(io.rebalancer.domain.Timing.values()).map(Enum::name).toList());
        ENUMS.put("Priority", Arrays.stream(io.rebalancer.domain.Priority.values()).map(Enum::name).toList());
        ENUMS.put("Verdict", Arrays.stream(io.rebalancer.domain.Verdict.values()).map(Enum::name).toList());
        ENUMS.put("Side", Arrays.stream(io.rebalancer.domain.Side.values()).map(Enum::name).toList());
    }

    private RuleLinter() {
    }

    private static Forbidden f(String regex, String what) {
        return new Forbidden(Pattern.compile(regex), what);
    }

    /** A rule name and where it is defined, for the duplicate check. */
    private record RuleName(String name, String file, String location) {
    }

    public static List<RuleProblem> lint(RuleFiles files) {
        List<RuleProblem> out = new ArrayList<>();
        List<RuleName> names = new ArrayList<>();
        for (Path p : files.all()) {
            String rel = files.relative(p);
            if (files.drl().contains(p)) {
                String text = read(p);
                out.addAll(securityDrl(rel, text));
                names.addAll(drlRuleNames(rel, text));
            } else {
                List<DecisionTableLayout> layouts;
                try {
                    layouts = TableSheet.read(p).stream().map(DecisionTableLayout::of).toList();
                } catch (RuntimeException e) {
                    out.add(RuleProblem.error(rel, "", "cannot read the table: " + e.getMessage()));
                    continue;
                }
                for (DecisionTableLayout layout : layouts) {
                    out.addAll(lintTable(rel, layout));
                    for (Block b : layout.blocks()) {
                        Column name = b.columns().stream().filter(Column::isName).findFirst().orElse(null);
                        if (name == null) {
                            continue;
                        }
                        int i = b.indexOf(name);
                        for (DataRow r : b.rows()) {
                            if (!r.cells().get(i).isEmpty()) {
                                names.add(new RuleName(r.cells().get(i), rel, layout.sheet().location(r.row(), name.col())));
                            }
                        }
                    }
                }
            }
        }
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

    static String where(String file, String location) {
        return location.contains("!") ? file + "!" + location : file + ":" + location;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule file " + p, e);
        }
    }

    // ---------------------------------------------------------------- DRL

    /** The text with comments and string/char literals blanked (same length, newlines kept). */
    static String blankCommentsAndStrings(String text) {
        char[] c = text.toCharArray();
        int i = 0;
        while (i < c.length) {
            if (c[i] == '/' && i + 1 < c.length && c[i + 1] == '/') {
                while (i < c.length && c[i] != '\n') {
                    c[i++] = ' ';
                }
            } else if (c[i] == '/' && i + 1 < c.length && c[i + 1] == '*') {
                while (i < c.length && !(c[i] == '*' && i + 1 < c.length && c[i + 1] == '/')) {
                    if (c[i] != '\n') {
                        c[i] = ' ';
                    }
                    i++;
                }
                if (i < c.length) {
                    c[i++] = ' ';
                    c[i++] = ' ';
                }
            } else if (c[i] == '"' || c[i] == '\'') {
                char q = c[i];
                i++;
                while (i < c.length && c[i] != q && c[i] != '\n') {
                    if (c[i] == '\\' && i + 1 < c.length) {
                        c[i++] = ' ';
                    }
                    c[i++] = ' ';
                }
                i++;
            } else {
                i++;
            }
        }
        return new String(c);
    }

    static List<RuleProblem> securityDrl(String file, String text) {
        List<RuleProblem> out = new ArrayList<>();
        String[] lines = blankCommentsAndStrings(text).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            for (Forbidden f : FORBIDDEN) {
                Matcher m = f.pattern().matcher(lines[i]);
                if (m.find()) {
                    out.add(RuleProblem.error(file, (i + 1) + ":" + (m.start() + 1), securityMessage(f, m.group())));
                    break;
                }
            }
        }
        return out;
    }

    /**
     * Whether a problem is one of this lint's security findings: a word in the text that looks like a forbidden
     * API. They locate a call precisely, but the bytecode sandbox decides what is refused.
     */
    static boolean isSecurityHint(RuleProblem p) {
        return p.message().startsWith(SECURITY_PREFIX);
    }

    private static final String SECURITY_PREFIX = "security: '";

    private static String securityMessage(Forbidden f, String found) {
        return SECURITY_PREFIX + found.trim() + "' reaches " + f.what()
                + "; rules may only compute and insert facts";
    }

    private static List<RuleName> drlRuleNames(String file, String text) {
        List<RuleName> out = new ArrayList<>();
        String[] blank = blankCommentsAndStrings(text).split("\n", -1);
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
            out.add(new RuleName(name, file, String.valueOf(i + 1)));
        }
        return out;
    }

    // ---------------------------------------------------------------- decision tables

    /** One term of a condition template: {@code field op $n}, with the enum class for {@code Enum.$param}. */
    private record Term(Column column, String field, String op, int param, String enumName) {
        String dimension() {
            return column.col() + ":" + field;
        }

        boolean lower() {
            return op.startsWith(">");
        }
    }

    /** A half-open or closed numeric interval of one row. */
    private record Interval(double lo, boolean loIncl, double hi, boolean hiIncl, int row, int col) {
        boolean empty() {
            return lo > hi || (lo == hi && !(loIncl && hiIncl));
        }
    }

    /** One range condition: a lower and an upper term on the same field of one column. */
    private record Range(Column column, String field, Term lower, Term upper) {
        String dimension() {
            return column.col() + ":" + field;
        }
    }

    static List<RuleProblem> lintTable(String file, DecisionTableLayout layout) {
        List<RuleProblem> out = new ArrayList<>();
        TableSheet sheet = layout.sheet();
        out.addAll(securityTable(file, layout));
        for (Block block : layout.blocks()) {
            lintBlock(file, sheet, block, out);
            out.addAll(ChoiceCellCheck.check(file, sheet, block));
        }
        return out;
    }

    private static List<RuleProblem> securityTable(String file, DecisionTableLayout layout) {
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
        String code = blankCommentsAndStrings(text);
        for (Forbidden f : FORBIDDEN) {
            Matcher m = f.pattern().matcher(code);
            if (m.find()) {
                out.add(RuleProblem.error(file, sheet.location(row, col), securityMessage(f, m.group())));
                return;
            }
        }
    }

    private static void lintBlock(String file, TableSheet sheet, Block block, List<RuleProblem> out) {
        // 1. Parse the condition templates into terms.
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

        // 2. Read each row: parameter counts, enum values, numbers.
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
                                + " value" + (given == 1 ? "" : "s") + " but the " + label(c) + " template needs "
                                + needed + " ($1..$" + needed + "), separated by commas"));
                        broken.add(row.row());
                    }
                }
            }
            if (broken.contains(row.row())) {
                continue;
            }
            Map<String, String> eq = new LinkedHashMap<>();
            for (Term t : eqTerms) {
                String cell = row.cells().get(block.indexOf(t.column()));
                if (cell.isEmpty()) {
                    eq.put(t.dimension(), "*");
                    continue;
                }
                String v = value(t, cell);
                List<String> constants = t.enumName() == null ? null : ENUMS.get(t.enumName());
                if (constants != null && !constants.contains(v)) {
                    out.add(RuleProblem.error(file, sheet.location(row.row(), t.column().col()), "'" + v + "' is not a "
                            + t.enumName() + "; use one of " + String.join(", ", constants)));
                    broken.add(row.row());
                }
                eq.put(t.dimension(), v);
            }
            Map<String, Interval> iv = new LinkedHashMap<>();
            for (Range r : ranges) {
                String cell = row.cells().get(block.indexOf(r.lower().column()));
                String upperCell = row.cells().get(block.indexOf(r.upper().column()));
                if (cell.isEmpty() && upperCell.isEmpty()) {
                    iv.put(r.dimension(), new Interval(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true,
                            row.row(), r.column().col()));
                    continue;
                }
                String lo = cell.isEmpty() ? "-Infinity" : value(r.lower(), cell);
                String hi = upperCell.isEmpty() ? "Infinity" : value(r.upper(), upperCell);
                if (r.lower().column() != r.upper().column()) {
                    cell = cell + " / " + upperCell;
                }
                try {
                    iv.put(r.dimension(), new Interval(Double.parseDouble(lo), r.lower().op().equals(">="),
                            Double.parseDouble(hi), r.upper().op().equals("<="), row.row(), r.column().col()));
                } catch (NumberFormatException e) {
                    out.add(RuleProblem.error(file, sheet.location(row.row(), r.column().col()), "'" + cell
                            + "': the range bounds of " + label(r.column()) + " must be numbers"));
                    broken.add(row.row());
                }
            }
            StringBuilder other = new StringBuilder();
            opaque.forEach((c, terms) -> other.append(c.col()).append('=').append(row.cells().get(block.indexOf(c)))
                    .append(';'));
            eqByRow.put(row.row(), eq);
            rangeByRow.put(row.row(), iv);
            otherByRow.put(row.row(), other.toString());
        }
        if (!broken.isEmpty()) {
            return; // coverage checks on a table with unreadable rows would only repeat the same problem
        }
        List<DataRow> valid = block.rows();

        // 3. Rows that can never fire: empty ranges.
        Set<Integer> dead = new LinkedHashSet<>();
        for (DataRow row : valid) {
            for (Range r : ranges) {
                Interval i = rangeByRow.get(row.row()).get(r.dimension());
                if (i.empty()) {
                    out.add(RuleProblem.warning(file, sheet.location(row.row(), r.column().col()), "row " + (row.row() + 1)
                            + " can never fire: " + label(r.column()) + " range " + fmt(i) + " is empty (from must be below to)"));
                    dead.add(row.row());
                }
            }
        }

        // 4. Duplicate conditions: identical condition cells.
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
        List<DataRow> live = valid.stream().filter(r -> !dead.contains(r.row())).toList();

        // 5. Gaps and overlaps of each range, per group of the other conditions.
        for (Range r : ranges) {
            double domainLo = Double.POSITIVE_INFINITY;
            double domainHi = Double.NEGATIVE_INFINITY;
            for (DataRow row : live) {
                Interval i = rangeByRow.get(row.row()).get(r.dimension());
                if (i.lo() == Double.NEGATIVE_INFINITY && i.hi() == Double.POSITIVE_INFINITY) {
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
                for (Term t : eqTerms) {
                    String v = eqByRow.get(row.row()).get(t.dimension());
                    key.append(t.dimension()).append('=').append(v).append(';');
                    labelText.append(labelText.length() == 0 ? "" : ", ").append(termLabel(t)).append(' ').append(v);
                }
                for (Range other : ranges) {
                    if (other != r) {
                        Interval i = rangeByRow.get(row.row()).get(other.dimension());
                        key.append(other.dimension()).append('=').append(fmt(i)).append(';');
                        labelText.append(labelText.length() == 0 ? "" : ", ").append(other.field()).append(' ').append(fmt(i));
                    }
                }
                key.append(otherByRow.get(row.row()));
                groups.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(rangeByRow.get(row.row()).get(r.dimension()));
                groupLabel.putIfAbsent(key.toString(), labelText.toString());
            }
            for (Map.Entry<String, List<Interval>> g : groups.entrySet()) {
                String scope = groupLabel.get(g.getKey()).isEmpty() ? "" : " for " + groupLabel.get(g.getKey());
                List<Interval> list = new ArrayList<>(g.getValue());
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
                                + num(at) + scope + " (" + fmt(reach) + " and " + fmt(next) + " share "
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

        // 6. Enum and boolean keys never mentioned, alone or in combination.
        List<Term> finite = new ArrayList<>();
        Map<Term, List<String>> domains = new LinkedHashMap<>();
        for (Term t : eqTerms) {
            List<String> d = t.enumName() == null ? null : ENUMS.get(t.enumName());
            if (d == null) {
                boolean bool = !live.isEmpty() && live.stream().map(r -> eqByRow.get(r.row()).get(t.dimension()))
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
            live.forEach(r -> mentioned.add(eqByRow.get(r.row()).get(t.dimension())));
            if (mentioned.contains("*")) {
                continue;
            }
            for (String v : domains.get(t)) {
                if (!mentioned.contains(v)) {
                    incomplete.add(t);
                    out.add(RuleProblem.error(file, sheet.location(t.column().templateRow() + 1, t.column().col()),
                            "missing " + (t.enumName() == null ? termLabel(t) : t.enumName()) + " " + v + ": no row of table '"
                                    + block.name() + "' has " + termLabel(t) + " " + v
                                    + ", so cycles in that case get no conclusion from it"));
                }
            }
        }
        if (finite.size() >= 2 && incomplete.isEmpty()) {
            Set<List<String>> present = new LinkedHashSet<>();
            for (DataRow row : live) {
                List<List<String>> expanded = new ArrayList<>();
                expanded.add(new ArrayList<>());
                for (Term t : finite) {
                    String v = eqByRow.get(row.row()).get(t.dimension());
                    List<String> values = v.equals("*") ? domains.get(t) : List.of(v);
                    List<List<String>> next = new ArrayList<>();
                    for (List<String> prefix : expanded) {
                        for (String x : values) {
                            List<String> l = new ArrayList<>(prefix);
                            l.add(x);
                            next.add(l);
                        }
                    }
                    expanded = next;
                }
                present.addAll(expanded);
            }
            List<List<String>> all = new ArrayList<>();
            all.add(new ArrayList<>());
            for (Term t : finite) {
                List<List<String>> next = new ArrayList<>();
                for (List<String> prefix : all) {
                    for (String x : domains.get(t)) {
                        List<String> l = new ArrayList<>(prefix);
                        l.add(x);
                        next.add(l);
                    }
                }
                all = next;
            }
            for (List<String> combo : all) {
                if (present.contains(combo) || isDiagonal(finite, combo)) {
                    continue;
                }
                StringBuilder d = new StringBuilder();
                for (int i = 0; i < finite.size(); i++) {
                    d.append(i == 0 ? "" : ", ").append(termLabel(finite.get(i))).append(' ').append(combo.get(i));
                }
                Column c = finite.get(0).column();
                out.add(RuleProblem.error(file, sheet.location(c.templateRow() + 1, c.col()), "missing combination: no row of table '"
                        + block.name() + "' has " + d + ", so cycles in that case get no conclusion from it"));
            }
        }
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

    private static int paramIndex(String p) {
        return p.equals("param") ? 0 : Integer.parseInt(p);
    }

    private static String value(Term t, String cell) {
        if (t.param() == 0) {
            return cell.trim();
        }
        List<String> values = DecisionTableLayout.split(cell);
        return t.param() <= values.size() ? values.get(t.param() - 1) : "";
    }

    private static String label(Column c) {
        return "column " + TableSheet.columnLetter(c.col()) + (c.label().isEmpty() ? "" : " '" + c.label() + "'");
    }

    private static String termLabel(Term t) {
        String pattern = t.column().pattern();
        String type = pattern.contains(":") ? pattern.substring(pattern.indexOf(':') + 1).trim() : pattern.trim();
        if (type.equals("PreviousRegime")) {
            return "previous regime";
        }
        if (t.field().equals("regime")) {
            return "regime";
        }
        if (t.field().equals("type")) {
            return "scenario";
        }
        return t.field();
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

    private static String fmt(Interval i) {
        return (i.loIncl() ? "[" : "(") + num(i.lo()) + ", " + num(i.hi()) + (i.hiIncl() ? "]" : ")");
    }

    static String num(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "+inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
