package io.rebalancer.rules.drools;

import io.rebalancer.rules.RuleProblem;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.template.parser.DecisionTableParseException;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DRL compiler over a rule directory, for what it reports: every problem by file, line and table cell (the
 * executable model reports none of that), and the rules each file holds. It builds no KieBase.
 */
public final class DrlCompiler {
    private DrlCompiler() {
    }

    /** The outcome of compiling a directory with the DRL compiler: the number of rules and every error found. */
    public record CompiledRules(int ruleCount, List<RuleProblem> errors, Map<String, Integer> rulesByFile) {
        public CompiledRules {
            errors = List.copyOf(errors);
            rulesByFile = Map.copyOf(rulesByFile);
        }

        public CompiledRules(int ruleCount, List<RuleProblem> errors) {
            this(ruleCount, errors, Map.of());
        }
    }

    /** Compiles with the DRL compiler (no KieBase is built), for the exact location of every problem. */
    public static CompiledRules compile(RuleFiles files) {
        List<RuleProblem> errors = new ArrayList<>(files.misnamed());
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        Map<String, String> kfsPathToFile = new LinkedHashMap<>();
        Map<String, String> generated = new LinkedHashMap<>();
        Map<String, Path> tablePaths = new LinkedHashMap<>();
        Map<String, String> drlText = new LinkedHashMap<>();
        for (Path p : files.drl()) {
            String rel = files.relative(p);
            String kfsPath = files.kfsPath(p);
            String text = RuleFiles.read(p);
            kfs.write(kfsPath, text);
            kfsPathToFile.put(kfsPath, rel);
            drlText.put(rel, text);
        }
        for (Path p : files.tables()) {
            String rel = files.relative(p);
            java.util.Optional<RuleProblem> delimiter = DecisionTables.delimiterProblem(p, rel);
            if (delimiter.isPresent()) {
                errors.add(delimiter.get());
                continue;
            }
            try {
                String drl = DecisionTables.toDrl(p);
                String kfsPath = files.kfsPath(p);
                kfs.write(kfsPath, drl);
                kfsPathToFile.put(kfsPath, rel);
                generated.put(rel, drl);
                tablePaths.put(rel, p);
            } catch (DecisionTableParseException e) {
                errors.add(RuleProblem.error(rel, parseExceptionCell(e.getMessage(), firstSheet(p)), e.getMessage()));
            } catch (RuntimeException e) {
                errors.add(RuleProblem.error(rel, "", "cannot compile decision table: " + e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            return new CompiledRules(0, errors);
        }
        // what Drools would evaluate while building is checked first, and nothing refused reaches the builder
        for (Map.Entry<String, String> d : drlText.entrySet()) {
            errors.addAll(DrlAllowList.check(d.getKey(), d.getValue()));
        }
        if (errors.isEmpty()) {
            // and it compiles and loads classes from the function bodies and consequences: only whole Java blocks
            errors.addAll(javaBodies(drlText));
        }
        Map<String, List<DecisionTableLayout>> layouts = new LinkedHashMap<>();
        for (Map.Entry<String, String> g : generated.entrySet()) {
            List<RuleProblem> found = new ArrayList<>(DrlAllowList.check(g.getKey(), g.getValue()));
            if (found.isEmpty()) {
                found.addAll(JavaBodyCheck.check(g.getKey(), g.getValue()));
            }
            for (RuleProblem p : found) {
                List<DecisionTableLayout> l = layouts.computeIfAbsent(g.getKey(), f -> readLayouts(tablePaths.get(f)));
                String[] at = p.location().split(":");
                int line = p.location().isEmpty() ? 0 : Integer.parseInt(at[0]);
                int column = at.length > 1 ? Integer.parseInt(at[1]) : 0;
                errors.add(RuleProblem.error(p.file(), line > 0 ? GeneratedDrlLocator.locate(l, g.getValue(), line,
                        column, p.message()) : "", p.message()));
            }
        }
        if (!errors.isEmpty()) {
            return new CompiledRules(0, errors);
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<Message> messages = builder.getResults().getMessages(Message.Level.ERROR);
        for (Message m : messages) {
            String path = m.getPath() == null ? "" : m.getPath();
            String file = fileOf(kfsPathToFile, path);
            String text = m.getText().replace('\n', ' ').trim();
            if (text.startsWith("Parser returned a null Package") && messages.size() > 1) {
                continue;
            }
            int line = m.getLine();
            int column = m.getColumn();
            Matcher at = GENERATED_POSITION.matcher(text);
            if (at.find()) {
                line = line > 0 ? line : Integer.parseInt(at.group(1));
                column = Integer.parseInt(at.group(2));
            }
            String location = line > 0 ? line + (column > 0 ? ":" + column : "") : "";
            if (generated.containsKey(file)) {
                List<DecisionTableLayout> l = layouts.computeIfAbsent(file, f -> readLayouts(tablePaths.get(f)));
                location = GeneratedDrlLocator.locate(l, generated.get(file), line, column, text);
                text = at.reset().find() ? at.replaceFirst("").trim() + " (generated DRL line " + at.group(1) + ":"
                        + at.group(2) + "; see rules dump-drl " + file + ")" : text + " (generated DRL line " + line + ")";
            } else if (drlText.containsKey(file) && line > 0) {
                location = refineConsequenceLine(drlText.get(file), line, column, text);
            }
            errors.add(RuleProblem.error(file, location, text));
        }
        if (!errors.isEmpty()) {
            return new CompiledRules(0, errors);
        }
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        Map<String, Integer> byFile = new LinkedHashMap<>();
        kfsPathToFile.values().forEach(f -> byFile.put(f, 0));
        int rules = 0;
        for (var pkg : module.getKieModuleModel().getKieBaseModels().keySet().stream()
                .flatMap(kb -> module.getKnowledgePackagesForKieBase(kb).stream()).toList()) {
            for (var rule : pkg.getRules()) {
                rules++;
                if (rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl && impl.getResource() != null
                        && impl.getResource().getSourcePath() != null) {
                    byFile.merge(fileOf(kfsPathToFile, impl.getResource().getSourcePath()), 1, Integer::sum);
                }
            }
        }
        return new CompiledRules(rules, List.of(), byFile);
    }

    /** {@link JavaBodyCheck} over DRL texts by file, each problem at the line of the body's offending token. */
    private static List<RuleProblem> javaBodies(Map<String, String> drlByFile) {
        List<RuleProblem> out = new ArrayList<>();
        for (Map.Entry<String, String> d : drlByFile.entrySet()) {
            for (RuleProblem p : JavaBodyCheck.check(d.getKey(), d.getValue())) {
                out.add(p.location().isEmpty() ? p : RuleProblem.error(p.file(), refineConsequenceLine(d.getValue(),
                        Integer.parseInt(p.location()), 0, p.message()), p.message()));
            }
        }
        return out;
    }

    /**
     * The function bodies and consequences of {@code files}' DRL files that are not one Java block each, located;
     * for when the executable model's parser gave up on them and the DRL compiler is not to run.
     */
    static List<RuleProblem> javaBodies(RuleFiles files) {
        Map<String, String> drl = new LinkedHashMap<>();
        for (Path p : files.drl()) {
            drl.put(files.relative(p), RuleFiles.read(p));
        }
        return javaBodies(drl);
    }

    private static final Pattern GENERATED_POSITION = Pattern.compile("\\[ERR \\d+\\] Line (\\d+):(\\d+)\\s*");
    private static final Pattern PARSE_CELL = Pattern.compile("\\b(?:cell|at)\\s+([A-Z]{1,3}\\d+)\\b|\\b([A-Z]{1,3}\\d+)\\b");
    private static final Pattern UNRESOLVED = Pattern.compile(
            "The method (\\w+)\\(|(\\S+) cannot be resolved|undefined for the type|Syntax error on token \"([^\"]+)\"");

    private static List<DecisionTableLayout> readLayouts(Path table) {
        try {
            return TableSheet.read(table).stream().map(DecisionTableLayout::of).toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** The name of a table's first sheet (Drools reads rule tables from it): {@code Sheet1} for a CSV. */
    static String firstSheet(Path table) {
        try {
            List<TableSheet> sheets = TableSheet.read(table);
            return sheets.isEmpty() ? TableSheet.CSV_SHEET : sheets.get(0).name();
        } catch (RuntimeException e) {
            return TableSheet.CSV_SHEET;
        }
    }

    /** The cell a DecisionTableParseException names, as {@code Sheet1!D12}, or "" if it names none. */
    static String parseExceptionCell(String message) {
        return parseExceptionCell(message, TableSheet.CSV_SHEET);
    }

    /** The cell a DecisionTableParseException names, on sheet {@code sheet}, or "" if it names none. */
    static String parseExceptionCell(String message, String sheet) {
        if (message == null) {
            return "";
        }
        Matcher m = PARSE_CELL.matcher(message);
        while (m.find()) {
            String cell = m.group(1) != null ? m.group(1) : m.group(2);
            if (cell != null && !cell.startsWith("ERR")) {
                return sheet + "!" + cell;
            }
        }
        return "";
    }

    /**
     * Consequence errors are reported at the rule's first line; find the line of the rule that holds the
     * offending name (a method or variable the message names) so the location points at it.
     */
    static String refineConsequenceLine(String drl, int line, int column, String message) {
        String fallback = line + (column > 0 ? ":" + column : "");
        Matcher m = UNRESOLVED.matcher(message);
        String token = null;
        while (m.find() && token == null) {
            token = m.group(1) != null ? m.group(1) + "(" : m.group(2) != null ? m.group(2) : m.group(3);
        }
        if (token == null || token.isBlank()) {
            return fallback;
        }
        String[] lines = drl.split("\n", -1);
        for (int i = line - 1; i < lines.length; i++) {
            if (i > line - 1 && lines[i].trim().equals("end")) {
                break;
            }
            int at = lines[i].indexOf(token);
            if (at >= 0 && i > line - 1) {
                return (i + 1) + ":" + (at + 1);
            }
        }
        return fallback;
    }

    private static String fileOf(Map<String, String> kfsPathToFile, String messagePath) {
        for (Map.Entry<String, String> e : kfsPathToFile.entrySet()) {
            if (!messagePath.isEmpty() && e.getKey().endsWith(messagePath)) {
                return e.getValue();
            }
        }
        return messagePath;
    }
}
