package io.rebalancer.rules.drools;

import io.rebalancer.rules.FiredRule;
import io.rebalancer.rules.Phase;
import io.rebalancer.rules.PhaseResult;
import io.rebalancer.rules.RuleEngine;
import io.rebalancer.rules.RuleProblem;
import io.rebalancer.rules.RuleSetException;
import org.drools.template.parser.DecisionTableParseException;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Drools implementation of the rule engine: one KieBase built from every DRL file and decision table of a
 * directory (classic KieFileSystem + KieBuilder), a fresh session per phase.
 */
public final class DroolsRuleEngine implements RuleEngine {
    private static final String KFS_ROOT = "src/main/resources/rules/";

    private final KieBase kieBase;
    private final String hash;

    private DroolsRuleEngine(KieBase kieBase, String hash) {
        this.kieBase = kieBase;
        this.hash = hash;
    }

    /** Builds the rules of {@code dir}; throws {@link RuleSetException} naming every file and line at fault. */
    public static DroolsRuleEngine load(Path dir) {
        RuleFiles files = RuleFiles.scan(dir);
        CompiledRules compiled = compile(files);
        if (!compiled.errors().isEmpty()) {
            throw new RuleSetException(compiled.errors());
        }
        return new DroolsRuleEngine(compiled.kieBase(), files.hash());
    }

    /** The outcome of compiling a directory: a KieBase when there were no errors, and every error found. */
    public record CompiledRules(KieBase kieBase, List<RuleProblem> errors, Map<String, String> generatedDrl) {
    }

    public static CompiledRules compile(RuleFiles files) {
        List<RuleProblem> errors = new ArrayList<>(files.misnamed());
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        Map<String, String> kfsPathToFile = new LinkedHashMap<>();
        Map<String, String> generated = new LinkedHashMap<>();
        for (Path p : files.drl()) {
            String rel = files.relative(p);
            String kfsPath = KFS_ROOT + rel.replace('\\', '/');
            kfs.write(kfsPath, read(p));
            kfsPathToFile.put(kfsPath, rel);
        }
        for (Path p : files.tables()) {
            String rel = files.relative(p);
            try {
                String drl = DecisionTables.toDrl(p);
                String kfsPath = KFS_ROOT + rel.replace('\\', '/') + ".generated.drl";
                kfs.write(kfsPath, drl);
                kfsPathToFile.put(kfsPath, rel);
                generated.put(rel, drl);
            } catch (DecisionTableParseException e) {
                errors.add(RuleProblem.error(rel, "", e.getMessage()));
            } catch (RuntimeException e) {
                errors.add(RuleProblem.error(rel, "", "cannot compile decision table: " + e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            return new CompiledRules(null, errors, generated);
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            String path = m.getPath() == null ? "" : m.getPath();
            String file = fileOf(kfsPathToFile, path);
            String location = m.getLine() > 0 ? m.getLine() + (m.getColumn() > 0 ? ":" + m.getColumn() : "") : "";
            if (generated.containsKey(file)) {
                location = GeneratedDrlLocator.locate(generated.get(file), m.getLine());
            }
            errors.add(RuleProblem.error(file, location, m.getText().replace('\n', ' ').trim()));
        }
        if (!errors.isEmpty()) {
            return new CompiledRules(null, errors, generated);
        }
        KieBase base = ks.newKieContainer(ks.getRepository().getDefaultReleaseId()).getKieBase();
        return new CompiledRules(base, List.of(), generated);
    }

    private static String fileOf(Map<String, String> kfsPathToFile, String messagePath) {
        for (Map.Entry<String, String> e : kfsPathToFile.entrySet()) {
            if (!messagePath.isEmpty() && e.getKey().endsWith(messagePath)) {
                return e.getValue();
            }
        }
        return messagePath;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule file " + p, e);
        }
    }

    @Override
    public PhaseResult fire(Phase phase, Collection<?> facts) {
        KieSession session = kieBase.newKieSession();
        try {
            List<FiredRule> fired = new ArrayList<>();
            List<Object> conclusions = new ArrayList<>();
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    var rule = event.getMatch().getRule();
                    fired.add(new FiredRule(rule.getName(), agendaGroupOf(rule), rule.getPackageName()));
                }
            });
            session.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    if (event.getRule() != null) {
                        conclusions.add(event.getObject());
                    }
                }
            });
            for (Object fact : facts) {
                session.insert(fact);
            }
            List<String> groups = phase.groups();
            for (int i = groups.size() - 1; i >= 0; i--) {
                session.getAgenda().getAgendaGroup(groups.get(i)).setFocus();
            }
            session.fireAllRules();
            return new PhaseResult(phase, fired, conclusions);
        } finally {
            session.dispose();
        }
    }

    private static String agendaGroupOf(org.kie.api.definition.rule.Rule rule) {
        if (rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl) {
            return impl.getAgendaGroup();
        }
        return "";
    }

    @Override
    public String ruleSetHash() {
        return hash;
    }
}
