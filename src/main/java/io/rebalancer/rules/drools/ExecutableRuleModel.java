package io.rebalancer.rules.drools;

import io.rebalancer.rules.RuleProblem;
import io.rebalancer.rules.RuleSetException;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.compiler.kie.builder.impl.KieBuilderImpl;
import org.drools.model.Model;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.model.KieModuleModel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A rule set compiled to Drools' executable model: the rules as generated Java classes in a jar. Building it
 * costs as much as compiling the DRL, but a KieBase is created from the jar in about a third of the time of a
 * DRL compile, which is what makes a cached build worth keeping between processes.
 */
final class ExecutableRuleModel {
    private static final String MODEL_LIST_SUFFIX = "/drools-model";

    private ExecutableRuleModel() {
    }

    /** The outcome of a build: the jar when Drools reported no error, otherwise the error texts. */
    record Build(byte[] jar, List<String> errors, boolean compilerFailed) {
        Build(byte[] jar, List<String> errors) {
            this(jar, errors, false);
        }

        boolean ok() {
            return jar != null && errors.isEmpty();
        }
    }

    /**
     * Builds the DRL files and the DRL generated from the tables. Decision tables that do not convert are left
     * to the caller (the DRL path reports them by cell).
     */
    static Build build(RuleFiles files, Map<Path, String> tableDrl) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        List<RuleProblem> refused = new ArrayList<>();
        for (Path p : files.drl()) {
            String text = RuleFiles.read(p);
            refused.addAll(DrlAllowList.check(files.relative(p), text));
            kfs.write(files.kfsPath(p), text);
        }
        for (Map.Entry<Path, String> t : tableDrl.entrySet()) {
            refused.addAll(DrlAllowList.check(files.relative(t.getKey()), t.getValue()));
            kfs.write(files.kfsPath(t.getKey()), t.getValue());
        }
        if (!refused.isEmpty()) {
            // parts of a rule are evaluated while Drools builds it, before the sandbox sees any class: nothing it
            // refuses reaches a builder
            return new Build(null, refused.stream().map(RuleProblem::toString).toList());
        }
        KieModuleModel module = ks.newKieModuleModel();
        // Drools 10.2 fails with IndexOutOfBoundsException in ExecModelLambdaPostProcessor.convertIndexedByCall
        // when it externalises the lambdas of our range constraints; inline lambdas compile and behave the same.
        module.setConfigurationProperty("drools.externaliseCanonicalModelLambda", "false");
        KieBuilder builder;
        try {
            builder = ((KieBuilderImpl) ks.newKieBuilder(kfs)).withKModuleModel(module)
                    .buildAll(ExecutableModelProject.class);
        } catch (RuntimeException e) {
            // the compiler itself gave up on some construct (e.g. "$m.getClass().getMethods()[0]"): a rule error,
            // not an internal one, and nothing was built that could run
            return new Build(null, List.of("the rule compiler failed on a construct it does not support: "
                    + e.getClass().getSimpleName() + " " + String.valueOf(e.getMessage()).lines().findFirst().orElse("")),
                    true);
        }
        List<String> errors = builder.getResults().getMessages(Message.Level.ERROR).stream()
                .map(m -> (m.getPath() == null ? "" : m.getPath() + ": ") + m.getText().replace('\n', ' ').trim())
                .toList();
        if (!errors.isEmpty()) {
            return new Build(null, errors);
        }
        return new Build(((InternalKieModule) builder.getKieModule()).getBytes(), List.of());
    }

    /**
     * What the sandbox refuses in a jar written by {@link #build} from {@code files}; empty when all of it may be
     * loaded. A refusal in a table names the cell on the table's own rule sheet.
     */
    static List<RuleProblem> verify(byte[] jar, RuleFiles files) {
        return RuleSandbox.check(unzip(jar), table -> DrlCompiler.firstSheet(files.dir().resolve(table)));
    }

    /**
     * A new KieBase from a jar written by {@link #build}; its classes load in a class loader of their own, and only
     * after {@link RuleSandbox} has read all of them and found nothing outside the allow-list. This is the one way
     * compiled rules are loaded (fresh builds and cached ones alike), so no path runs unchecked rule code.
     *
     * @throws RuleSetException naming each rule that refers to something it may not
     */
    static KieBase kieBase(byte[] jar) {
        Map<String, byte[]> entries = unzip(jar);
        List<RuleProblem> refused = RuleSandbox.check(entries);
        if (!refused.isEmpty()) {
            throw new RuleSetException(refused);
        }
        List<String> modelClasses = new ArrayList<>();
        entries.forEach((name, bytes) -> {
            if (name.startsWith("META-INF/kie/") && name.endsWith(MODEL_LIST_SUFFIX)) {
                for (String line : new String(bytes, StandardCharsets.UTF_8).split("\\R")) {
                    String s = line.trim();
                    if (!s.isEmpty() && !s.startsWith("Drools-Model-Version")) {
                        modelClasses.add(s);
                    }
                }
            }
        });
        if (modelClasses.isEmpty()) {
            throw new IllegalStateException("the compiled rule jar names no rule model");
        }
        ClassLoader loader = new JarBytesClassLoader(entries, ExecutableRuleModel.class.getClassLoader());
        List<Model> models = new ArrayList<>();
        for (String name : modelClasses) {
            // only a class of this jar (whose bytes the sandbox has just read) that is a rule model is constructed:
            // a tampered list naming any other class on the class path would otherwise have it built here
            if (!entries.containsKey(name.replace('.', '/') + ".class")) {
                throw new IllegalStateException("the compiled rule jar names a rule model " + name + " it does not hold");
            }
            try {
                Class<?> model = Class.forName(name, false, loader);
                if (model.getClassLoader() != loader || !Model.class.isAssignableFrom(model)) {
                    throw new IllegalStateException("the compiled rule jar names " + name + ", which is not one of its"
                            + " rule models");
                }
                models.add((Model) model.getConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot load rule model " + name + ": " + e, e);
            }
        }
        return KieBaseBuilder.createKieBaseFromModel(models);
    }

    static Map<String, byte[]> unzip(byte[] jar) {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.isDirectory()) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the compiled rule jar is not a readable zip", e);
        }
        return entries;
    }

    /** Defines the generated rule classes from the jar's bytes; everything else comes from the parent. */
    private static final class JarBytesClassLoader extends ClassLoader {
        private final Map<String, byte[]> entries;

        JarBytesClassLoader(Map<String, byte[]> entries, ClassLoader parent) {
            super(parent);
            this.entries = entries;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = entries.get(name.replace('.', '/') + ".class");
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }

        @Override
        public java.io.InputStream getResourceAsStream(String name) {
            byte[] bytes = entries.get(name);
            return bytes != null ? new ByteArrayInputStream(bytes) : super.getResourceAsStream(name);
        }
    }
}
