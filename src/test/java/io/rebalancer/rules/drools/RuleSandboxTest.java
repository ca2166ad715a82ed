package io.rebalancer.rules.drools;

import io.rebalancer.rules.Phase;
import io.rebalancer.rules.PhaseResult;
import io.rebalancer.rules.RuleProblem;
import io.rebalancer.rules.RuleSetException;
import io.rebalancer.rules.facts.MarketConditions;
import io.rebalancer.rules.facts.ReasonLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Adversarial rule sets, written as an analyst with bad intent would: each must be refused (by validate and by
 * load alike, naming the file and what is refused) or be harmless. Every one that would do something if it ran
 * would leave a canary file in a temporary directory; the canary must never appear. Written against the rule
 * loader as it was before the sandbox, where these ran (issue 14).
 */
class RuleSandboxTest {
    @TempDir
    static Path tmp;

    /** A rule set of one file, what it must come to, and a word the refusal must contain. */
    record Case(String name, String file, String text, boolean refused, String expect) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String HEAD = """
            package io.rebalancer.rules
            import io.rebalancer.rules.facts.*
            import io.rebalancer.domain.*
            """;

    private static String rule(String body) {
        return HEAD + """

                rule "evil"
                    ruleflow-group "monitor"
                when
                    $m : MarketConditions()
                then
                """ + body + "\nend\n";
    }

    private static Case refused(String name, String body, String expect) {
        return new Case(name, "evil.drl", rule(body), true, expect);
    }

    private static Case refusedDrl(String name, String drl, String expect) {
        return new Case(name, "evil.drl", HEAD + drl, true, expect);
    }

    static Stream<Case> cases() {
        return Stream.of(
                refusedDrl("quote in rule name", """
                        rule "a\\" + ((java.util.function.Supplier<String>) () -> { try { new java.io.File(\\"CANARY\\").createNewFile(); } catch (Exception e) {} return \\"\\"; }).get() + \\"b"
                            ruleflow-group "monitor"
                        when
                            MarketConditions()
                        then
                        end
                        """, "double quote"),
                new Case("quote in a decision-table NAME cell", "evil.drl.csv", """
                        RuleSet,io.rebalancer.rules
                        Import,"io.rebalancer.rules.facts.*"
                        ,
                        RuleTable Evil
                        NAME,RULEFLOW-GROUP,CONDITION,ACTION
                        ,,m : MarketConditions,
                        ,,vix >= $param,"insert(new ReasonLine(""monitor"", ""x"", drools.getRule().getName()));"
                        Rule name,Phase,VIX from,Line
                        "a"" + ((java.util.function.Supplier<String>) () -> { try { new java.io.File(""CANARY"").createNewFile(); } catch (Exception e) {} return \"\"\"\"; }).get() + \"\"b",monitor,0,x
                        """, true, "double quote"),
                new Case("quote in a decision-table RULEFLOW-GROUP cell", "evil.drl.csv", """
                        RuleSet,io.rebalancer.rules
                        Import,"io.rebalancer.rules.facts.*"
                        ,
                        RuleTable Evil
                        NAME,RULEFLOW-GROUP,CONDITION,ACTION
                        ,,m : MarketConditions,
                        ,,vix >= $param,"insert(new ReasonLine(""monitor"", ""x"", drools.getRule().getName()));"
                        Rule name,Phase,VIX from,Line
                        fine,"monitor"" + new java.io.File(""CANARY"").createNewFile() + \"\"",0,x
                        """, true, "double quote"),
                refusedDrl("unicode escape in rule name", """
                        rule "a\\\\u0022 + x"
                            ruleflow-group "monitor"
                        when
                            MarketConditions()
                        then
                        end
                        """, "backslash"),
                refusedDrl("comment delimiter in rule name", """
                        rule "a */ static { int x = 1; } /* b"
                            ruleflow-group "monitor"
                        when
                            MarketConditions()
                        then
                        end
                        """, "comment delimiter"),
                refused("System, newline, .exit", "System\n    .exit(42);", "java.lang.System.exit"),
                refusedDrl("a System call split inside eval", """
                        rule "evil"
                            ruleflow-group "monitor"
                        when
                            $m : MarketConditions()
                            eval( System
                                  .getenv("HOME") != null )
                        then
                        end
                        """, "java.lang.System.getenv"),
                refused("getClassLoader().loadClass and reflection", """
                        try {
                            Class<?> c = $m.getClass().getClassLoader().loadClass("java.lang.Runtime");
                            Object rt = c.getMethod("getRuntime").invoke(null);
                            c.getMethod("exec", String[].class).invoke(rt, (Object) new String[] {"touch", "CANARY"});
                        } catch (Exception e) { }""", "getClass"),
                refused("Class.forName", """
                        try { Class.forName("java.lang.Runtime"); } catch (Exception e) { }""", "java.lang.Class.forName"),
                refused("Runtime.exec", """
                        try { Runtime.getRuntime().exec(new String[] {"touch", "CANARY"}); } catch (Exception e) { }""",
                        "java.lang.Runtime"),
                refused("ProcessBuilder", """
                        try { new ProcessBuilder("touch", "CANARY").start(); } catch (Exception e) { }""",
                        "java.lang.ProcessBuilder"),
                refused("javax.net.SocketFactory", """
                        try { javax.net.SocketFactory.getDefault().createSocket("127.0.0.1", 9); } catch (Exception e) { }""",
                        "javax.net.SocketFactory"),
                refused("java.net.Socket", """
                        try { new java.net.Socket("127.0.0.1", 9).close(); } catch (Exception e) { }""", "java.net.Socket"),
                refused("java.net.URL", """
                        try { new java.net.URL("file:///etc/passwd").openStream().close(); } catch (Exception e) { }""",
                        "java.net.URL"),
                refused("java.nio.file.Files", """
                        try { java.nio.file.Files.writeString(java.nio.file.Path.of("CANARY"), "x"); } catch (Exception e) { }""",
                        "java.nio.file.Files"),
                refused("java.io.FileOutputStream", """
                        try { new java.io.FileOutputStream("CANARY").close(); } catch (Exception e) { }""",
                        "java.io.FileOutputStream"),
                refused("System.out.println", "System.out.println(\"hello\");", "java.lang.System.out"),
                refused("System.setProperty", "System.setProperty(\"user.dir\", \"/\");", "java.lang.System.setProperty"),
                refused("System.getenv", "String s = System.getenv(\"HOME\");", "java.lang.System.getenv"),
                refused("MethodHandles", """
                        try { java.lang.invoke.MethodHandles.lookup().findStatic(Runtime.class, "getRuntime",
                                java.lang.invoke.MethodType.methodType(Runtime.class)); } catch (Throwable e) { }""",
                        "java.lang.invoke.MethodHandles"),
                refused("method reference to Runtime", """
                        java.util.function.Supplier<Object> s = Runtime::getRuntime;
                        insert(new ReasonLine("monitor", String.valueOf(s.get()), "x"));""", "java.lang.Runtime"),
                refused("Thread", """
                        new Thread(() -> { try { new java.io.File("CANARY").createNewFile(); } catch (Exception e) { } }).start();""",
                        "java.lang.Thread"),
                refused("Thread.sleep", """
                        try { Thread.sleep(1); } catch (InterruptedException e) { }""", "java.lang.Thread"),
                refused("executor", """
                        java.util.concurrent.Executors.newSingleThreadExecutor().submit(() -> 1);""",
                        "java.util.concurrent.Executors"),
                refused("ScriptEngineManager", """
                        Object e = new javax.script.ScriptEngineManager().getEngineByName("js");""",
                        "javax.script.ScriptEngineManager"),
                refused("Unsafe", """
                        try { Object u = sun.misc.Unsafe.class.getDeclaredField("theUnsafe"); } catch (Exception e) { }""",
                        "sun.misc.Unsafe"),
                refused("ObjectInputStream", """
                        try { new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(new byte[0])); } catch (Exception e) { }""",
                        "java.io.ObjectInputStream"),
                refused("ServiceLoader", """
                        java.util.ServiceLoader.load(Runnable.class).forEach(Runnable::run);""", "java.util.ServiceLoader"),
                refused("Locale.setDefault", "java.util.Locale.setDefault(java.util.Locale.GERMANY);",
                        "java.util.Locale.setDefault"),
                refused("enum getDeclaringClass", """
                        Object c = Regime.CRISIS.getDeclaringClass();""", "getDeclaringClass"),
                refused("String.format without a Locale", """
                        insert(new ReasonLine("monitor", String.format("%.2f", $m.vix()), "x"));""", "Locale"),
                refusedDrl("java.util.logging.FileHandler inside accumulate", """
                        rule "evil"
                            ruleflow-group "monitor"
                        when
                            $n : Number() from accumulate( $m : MarketConditions(),
                                init( java.util.logging.FileHandler h = null; double s = 0; ),
                                action( try { h = new java.util.logging.FileHandler("CANARY"); } catch (Exception e) { } s += $m.vix(); ),
                                result( s ) )
                        then
                        end
                        """, "java.util.logging.FileHandler"),
                refusedDrl("java.util.Formatter inside accumulate", """
                        rule "evil"
                            ruleflow-group "monitor"
                        when
                            $n : Number() from accumulate( $m : MarketConditions(),
                                init( double s = 0; ),
                                action( try { new java.util.Formatter("CANARY").close(); } catch (Exception e) { } s += $m.vix(); ),
                                result( s ) )
                        then
                        end
                        """, "java.util.Formatter"),
                refusedDrl("a function block doing IO", """
                        function void touch(String path) {
                            try { new java.io.File(path).createNewFile(); } catch (Exception e) { }
                        }

                        rule "evil"
                            ruleflow-group "monitor"
                        when
                            MarketConditions()
                        then
                            touch("CANARY");
                        end
                        """, "java.io.File"),
                new Case("a static import of System.exit", "evil.drl", """
                        package io.rebalancer.rules
                        import io.rebalancer.rules.facts.*
                        import function java.lang.System.exit

                        rule "evil"
                            ruleflow-group "monitor"
                        when
                            MarketConditions()
                        then
                            exit(44);
                        end
                        """, true, "java.lang.System.exit"),
                refusedDrl("a declared type whose field default does IO", """
                        declare Evil
                            made : boolean = new java.io.File("CANARY").mkdir()
                        end

                        rule "evil"
                            ruleflow-group "monitor"
                        when
                            MarketConditions()
                        then
                            insert(new Evil());
                        end
                        """, "declared type 'Evil' is not allowed"),
                refusedDrl("a declared type with a file field", """
                        declare Evil
                            file : java.io.File
                        end

                        rule "evil"
                            ruleflow-group "monitor"
                        when
                            MarketConditions()
                        then
                        end
                        """, "declared type 'Evil' is not allowed"),
                // evaluated by Drools (MVEL) while it builds the rules, before the sandbox sees any class
                refusedDrl("an annotation value that does IO", """
                        rule "noted"
                            @doc( new java.io.File("CANARY").createNewFile() )
                            ruleflow-group "monitor"
                        when
                            MarketConditions()
                        then
                        end
                        """, "annotation @doc"),
                refusedDrl("an annotation value reaching Runtime by reflection, with a compile error beside it", """
                        rule "noted"
                            @doc( "".getClass().forName("java.io.Fi" + "le").getConstructor(String.class).newInstance("CANARY").createNewFile() == null ? "a" : Integer.parseInt("b") )
                            ruleflow-group "monitor"
                        when
                            MarketConditions()
                        then
                        end

                        rule "broken, so the DRL compiler runs to locate the error"
                            ruleflow-group "monitor"
                        when
                            NoSuchFact()
                        then
                        end
                        """, "annotation @doc"),
                new Case("a decision table's METADATA column", "evil.drl.csv", """
                        RuleSet,io.rebalancer.rules
                        Import,"io.rebalancer.rules.facts.*"
                        ,
                        RuleTable Evil
                        NAME,RULEFLOW-GROUP,METADATA,CONDITION
                        ,,,m : MarketConditions
                        ,,doc($param),vix >= $param
                        Rule name,Phase,Doc,VIX from
                        note,monitor,new java.io.File('CANARY').createNewFile() ? 'a' : 'b',0
                        """, true, "annotation @doc"),
                refusedDrl("a timer attribute", """
                        rule "timed"
                            timer (int: 1s)
                            ruleflow-group "monitor"
                        when
                            MarketConditions()
                        then
                        end
                        """, "attribute 'timer' is not allowed"),
                refusedDrl("a query", """
                        query "markets" MarketConditions() end
                        """, "queries are not allowed"),
                refusedDrl("an accumulate import", """
                        import accumulate java.util.Random rnd
                        """, "import accumulate"),
                // Java reads a unicode escape before anything else: \u007d closes the function's method for the
                // compiler but not for the DRL parser, and the DRL compiler that locates errors loaded the class
                refusedDrl("unicode escapes that end a function's method and add a static initialiser", """
                        function int zzUni() {
                            return 1; \\u007d public static int K = 1; static \\u007b try \\u007b new \\u006aava.io.File("CANARY").createNewFile(); \\u007d catch (Exception e) \\u007b \\u007d \\u007d static void zzUni2() \\u007b
                        }
                        rule "zz uni"
                        when
                            MarketConditions(vix > io.rebalancer.rules.ZzUni.K)
                        then
                        end
                        """, "Java unicode escape"),
                new Case("unicode escapes in a decision table's Functions", "evil.drl.csv", """
                        RuleSet,io.rebalancer.rules
                        Import,"io.rebalancer.rules.facts.*"
                        Functions,"function int zzT() { return 1; \\u007d public static int K = 1; static \\u007b try \\u007b new \\u006aava.io.File(""CANARY"").createNewFile(); \\u007d catch (Exception e) \\u007b \\u007d \\u007d static void zzT2() \\u007b }"
                        ,
                        RuleTable zz table
                        CONDITION,ACTION
                        MarketConditions,
                        vix > io.rebalancer.rules.ZzT.K + $param,"System.lineSeparator();"
                        limit,act
                        0,x
                        """, true, "Java unicode escape"),
                // the DRL parser knows no text blocks: to it the code between two of them is inside a string, to
                // javac it ends the method and adds a static initialiser (a typo elsewhere made the DRL compiler run)
                refusedDrl("text blocks that end a function's method for javac but not for the DRL parser", """
                        function int zzSt() {
                            String s1 = \"\"\"
                        a"b\"\"\";
                            return 1; } public static int K = 1; static { try { new java.
                        io.File(new String(new char[]{CHARS})).createNewFile(); } catch (Throwable t) { } } static void zzSt2() {
                            String s2 = \"\"\"
                        a"b\"\"\";
                        }
                        rule "zz st"
                            ruleflow-group "monitor"
                        when
                            MarketConditions(vix > io.rebalancer.rules.ZzSt.K)
                        then
                        end
                        rule "zz typo"
                            ruleflow-group "monitor"
                        when
                            MarketCondition()
                        then
                        end
                        """, "closes the method it is compiled into"),
                refused("Runtime.halt", "Runtime.getRuntime().halt(43);", "java.lang.Runtime"),
                refused("ProcessHandle", "ProcessHandle.current().parent().ifPresent(ProcessHandle::destroy);",
                        "java.lang.ProcessHandle"),
                refused("the thread's context class loader", """
                        try { Thread.currentThread().getContextClassLoader().loadClass("java.lang.Runtime"); } catch (Exception e) { }""",
                        "java.lang.Thread"),
                refused("reflection on a fact's class", """
                        try { java.lang.reflect.Method[] ms = $m.getClass().getMethods(); ms[0].invoke($m); } catch (Exception e) { }""",
                        "java.lang.reflect"),
                refused("a class literal's loader", """
                        ClassLoader l = MarketConditions.class.getClassLoader();""", "getClassLoader"),
                refused("java.lang.reflect.Proxy", """
                        Object p = java.lang.reflect.Proxy.newProxyInstance(null, new Class<?>[] {Runnable.class}, null);""",
                        "java.lang.reflect.Proxy"),
                refused("System.loadLibrary", "System.loadLibrary(\"canary\");", "java.lang.System.loadLibrary"),
                refused("a logging handler added to a logger", """
                        java.util.logging.Logger.getLogger("x").setLevel(java.util.logging.Level.ALL);""",
                        "java.util.logging"),
                refused("java.util.Formatter onto a File", """
                        try { new java.util.Formatter(new java.io.File("CANARY")).close(); } catch (Exception e) { }""",
                        "java.io.File"),
                refusedDrl("a file made in a condition's eval", """
                        rule "evil"
                            ruleflow-group "monitor"
                        when
                            MarketConditions()
                            eval( new java.io.File("CANARY").mkdir() )
                        then
                        end
                        """, "java.io.File"),
                refusedDrl("System.exit in an accumulate's reverse", """
                        rule "evil"
                            ruleflow-group "monitor"
                        when
                            $n : Number() from accumulate( $m : MarketConditions(),
                                init( double s = 0; ),
                                action( s += $m.vix(); ),
                                reverse( System.exit(3); ),
                                result( s ) )
                        then
                        end
                        """, "java.lang.System.exit"),
                refusedDrl("java.nio channel in an accumulate's result", """
                        rule "evil"
                            ruleflow-group "monitor"
                        when
                            $n : Object() from accumulate( $m : MarketConditions(),
                                init( double s = 0; ),
                                action( s += $m.vix(); ),
                                result( java.nio.channels.FileChannel.class ) )
                        then
                        end
                        """, "java.nio"),
                new Case("harmless: maths, text, time, collections", "fine.drl", rule("""
                        java.util.List<Double> xs = new java.util.ArrayList<>(java.util.List.of($m.vix(), 2.0));
                        double total = xs.stream().mapToDouble(Double::doubleValue).sum();
                        String day = java.time.LocalDate.of(2024, 1, 2).plusDays(1).toString();
                        long t = System.nanoTime() + System.currentTimeMillis();
                        insert(new ReasonLine("monitor", String.format(java.util.Locale.ROOT, "%.1f %s %s",
                                Math.sqrt(total), day, "System.exit(1) is only text here"), drools.getRule().getName()));"""),
                        false, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void validateAndLoad_adversarialRuleSet_refusedOrHarmless(Case c) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(c.name().replaceAll("[^A-Za-z0-9]+", "-")));
        Path canary = dir.resolve("canary");
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve(c.file()), c.text().replace("CANARY", canary.toString())
                .replace("CHARS", canary.toString().chars().mapToObj(Integer::toString)
                        .collect(java.util.stream.Collectors.joining(","))));
        CompiledRuleCache cache = CompiledRuleCache.inProcess();

        RuleValidator.Report report = RuleValidator.validate(rules, cache);

        if (c.refused()) {
            assertFalse(report.ok(), "validate passed " + c.name());
            List<RuleProblem> errors = report.errors();
            assertTrue(errors.stream().anyMatch(p -> p.file().equals(c.file()) && p.message().contains(c.expect())),
                    "validate did not name " + c.expect() + " in " + c.file() + ": " + errors);
            RuleSetException e = assertThrows(RuleSetException.class, () -> DroolsRuleEngine.load(rules, cache));
            assertTrue(e.problems().stream().anyMatch(p -> p.message().contains(c.expect())), e.getMessage());
        } else {
            assertTrue(report.ok(), report.problems().toString());
            PhaseResult r = DroolsRuleEngine.load(rules, cache).fire(Phase.MONITOR,
                    List.of(new MarketConditions(20.0, 0.15, -0.05, 0.5)));
            ReasonLine line = r.conclusions().stream().filter(ReasonLine.class::isInstance).map(ReasonLine.class::cast)
                    .findFirst().orElseThrow();
            // sqrt(20 + 2) = 4.69...; 2024-01-02 + 1 day
            assertEquals("4.7 2024-01-03 System.exit(1) is only text here", line.text());
        }
        assertFalse(Files.exists(canary), "the canary was written: rule code ran");
    }

    /** Built when its constructor runs: a class a tampered rule jar may name as its model. */
    public static final class Planted {
        static volatile boolean built;

        public Planted() {
            built = true;
        }
    }

    @Test
    void kieBase_modelListNamingAClassOutsideTheJar_refusedWithoutConstructingIt() throws IOException {
        Path clean = Files.createDirectories(tmp.resolve("planted-model"));
        Files.writeString(clean.resolve("fine.drl"), rule("insert(new ReasonLine(\"monitor\", \"ok\", \"x\"));"));
        ExecutableRuleModel.Build build = ExecutableRuleModel.build(RuleFiles.scan(clean), Map.of());
        assertTrue(build.ok(), build.errors().toString());
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>(ExecutableRuleModel.unzip(build.jar()));
        String list = entries.keySet().stream().filter(n -> n.startsWith("META-INF/kie/") && n.endsWith("/drools-model"))
                .findFirst().orElseThrow();
        entries.put(list, Planted.class.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ExecutableRuleModel.kieBase(bytes.toByteArray()));
        assertTrue(e.getMessage().contains("names a rule model " + Planted.class.getName() + " it does not hold"),
                e.getMessage());
        assertFalse(Planted.built, "the class the tampered list names was constructed");
    }

    @Test
    void validate_formulaInAWorkbookCell_refusedByCell() throws IOException {
        Path rules = Files.createDirectories(tmp.resolve("formula").resolve("rules"));
        Path table = rules.resolve("regime_vix.drl.xlsx");
        try (java.io.InputStream in = Files.newInputStream(Path.of("rules", "regime_vix.drl.xlsx"));
             org.apache.poi.ss.usermodel.Workbook wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(in)) {
            // a rule name whose value is a quote, backslash and comment delimiter, which its text does not show
            org.apache.poi.ss.usermodel.Sheet sheet = wb.getSheetAt(0);
            sheet.getRow(9).getCell(0).setCellFormula("CHAR(97)&CHAR(34)&CHAR(92)&CHAR(47)&CHAR(42)");
            try (java.io.OutputStream out = Files.newOutputStream(table)) {
                wb.write(out);
            }
        }
        RuleValidator.Report report = RuleValidator.validate(rules, CompiledRuleCache.inProcess());
        assertFalse(report.ok());
        assertTrue(report.errors().stream().anyMatch(p -> p.file().equals("regime_vix.drl.xlsx")
                && p.location().endsWith("!A10") && p.message().startsWith("holds a formula (=CHAR(97)&CHAR(34)")),
                report.errors().toString());
    }

    @Test
    void validate_forbiddenCallInAWorkbook_locatedOnTheWorkbooksOwnSheet() throws IOException {
        Path rules = Files.createDirectories(tmp.resolve("sheetname").resolve("rules"));
        Path table = rules.resolve("regime_vix.drl.xlsx");
        try (java.io.InputStream in = Files.newInputStream(Path.of("rules", "regime_vix.drl.xlsx"));
             org.apache.poi.ss.usermodel.Workbook wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(in)) {
            org.apache.poi.ss.usermodel.Cell action = wb.getSheetAt(0).getRow(7).getCell(5);
            action.setCellValue(action.getStringCellValue() + " System.exit(3);");
            try (java.io.OutputStream out = Files.newOutputStream(table)) {
                wb.write(out);
            }
        }
        RuleValidator.Report report = RuleValidator.validate(rules, CompiledRuleCache.inProcess());
        List<RuleProblem> refused = report.errors().stream().filter(p -> p.message().startsWith("security:")).toList();
        assertFalse(refused.isEmpty(), report.errors().toString());
        // the shipped workbook's rule sheet is called "VIX regime"; the jar the sandbox reads knows no sheet names
        assertTrue(refused.stream().allMatch(p -> p.file().equals("regime_vix.drl.xlsx")
                && p.location().startsWith("VIX regime!")), refused.toString());
    }

    @Test
    void scan_ruleFileAboveTheSizeLimit_refusedUnread() throws IOException {
        Path rules = Files.createDirectories(tmp.resolve("huge").resolve("rules"));
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(rules.resolve("huge.drl.xlsx").toFile(), "rw")) {
            f.setLength(2_500_000);
        }
        RuleFiles files = RuleFiles.scan(rules);
        assertEquals(List.of(), files.tables());
        assertEquals(List.of("huge.drl.xlsx is 2.5 MB; rule files above 2 MB are not read"),
                files.misnamed().stream().map(p -> p.file() + " " + p.message()).toList());
    }

    @Test
    void scan_ruleFileLinkedFromOutsideTheDirectory_refusedAndNotRead() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("linked"));
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "API_KEY=abc\n");
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.createSymbolicLink(rules.resolve("link.drl"), secret);
        RuleValidator.Report report = RuleValidator.validate(rules, CompiledRuleCache.inProcess());
        assertFalse(report.ok());
        assertTrue(report.errors().stream().anyMatch(p -> p.file().equals("link.drl")
                && p.message().contains("link to a file outside the rules directory")), report.errors().toString());
        assertTrue(report.problems().stream().noneMatch(p -> p.message().contains("API_KEY")), report.problems().toString());
    }

    @Test
    void load_cacheEntryReplacedByARefusedBuild_reverifiedDeletedAndRecompiled() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("tampered"));
        Path canary = dir.resolve("canary");
        Path clean = Files.createDirectories(dir.resolve("clean"));
        Files.writeString(clean.resolve("fine.drl"), rule("insert(new ReasonLine(\"monitor\", \"ok\", \"x\"));"));
        Path evil = Files.createDirectories(dir.resolve("evil"));
        Files.writeString(evil.resolve("fine.drl"), rule("try { new java.io.File(\"" + canary + "\").createNewFile();"
                + " } catch (Exception e) { }"));
        ExecutableRuleModel.Build evilBuild = ExecutableRuleModel.build(RuleFiles.scan(evil), Map.of());
        assertTrue(evilBuild.ok(), evilBuild.errors().toString());
        CompiledRuleCache cache = CompiledRuleCache.at(dir.resolve("cache"));
        RuleBuildKey key = RuleBuildKey.of(RuleFiles.scan(clean));
        Files.createDirectories(dir.resolve("cache"));
        Files.write(cache.file(key), evilBuild.jar());
        CompiledRuleCache.forgetProcessMemory();

        PhaseResult r = DroolsRuleEngine.load(clean, cache).fire(Phase.MONITOR,
                List.of(new MarketConditions(20.0, 0.15, -0.05, 0.5)));

        assertFalse(Files.exists(canary), "the planted build ran");
        assertTrue(r.conclusions().stream().anyMatch(c -> c instanceof ReasonLine l && l.text().equals("ok")));
        assertTrue(ExecutableRuleModel.verify(Files.readAllBytes(cache.file(key)), RuleFiles.scan(clean)).isEmpty(),
                "the planted entry was not replaced by the clean build");
    }

    /** Drools' compiler threw on this (an IllegalStateException escaped validate as an internal error, exit 1). */
    @Test
    void validateAndLoad_constructTheCompilerCannotHandle_refusedAsARuleError() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("compiler-crash"));
        Path canary = dir.resolve("canary");
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("evil.drl"), rule("try { $m.getClass().getMethods()[0].invoke($m);"
                + " new java.io.File(\"" + canary + "\").createNewFile(); } catch (Exception e) { }"));
        CompiledRuleCache cache = CompiledRuleCache.inProcess();

        RuleValidator.Report report = RuleValidator.validate(rules, cache);

        assertFalse(report.ok(), "validate passed it");
        assertTrue(report.errors().stream().anyMatch(p -> p.message().contains("the rule compiler failed")),
                report.errors().toString());
        assertThrows(RuleSetException.class, () -> DroolsRuleEngine.load(rules, cache));
        assertFalse(Files.exists(canary), "the canary was written: rule code ran");
    }

    @Test
    void cases_atLeastThirty() {
        assertTrue(cases().count() >= 30, "issue 14 asks for at least 30 adversarial rule sets");
    }

    /** What the shipped rules' generated code refers to outside itself: every item must be allowed, and is listed. */
    @Test
    void check_shippedRules_allowedAndReferenceOnlyTheDocumentedApi() {
        RuleFiles files = RuleFiles.scan(Path.of("rules"));
        Map<Path, String> tables = new java.util.LinkedHashMap<>();
        files.tables().forEach(t -> tables.put(t, DecisionTables.toDrl(t)));
        ExecutableRuleModel.Build build = ExecutableRuleModel.build(files, tables);
        Map<String, byte[]> entries = ExecutableRuleModel.unzip(build.jar());

        assertEquals(List.of(), RuleSandbox.check(entries));
        TreeSet<String> owners = new TreeSet<>();
        RuleSandbox.externalReferences(entries).forEach(r -> owners.add(r.substring(r.indexOf(' ') + 1)
                .replaceAll("\\.[a-z<][A-Za-z<>]*$", "")));
        assertTrue(owners.stream().noneMatch(o -> o.startsWith("java.io") || o.startsWith("java.nio")
                || o.startsWith("java.net") || o.equals("java.lang.Runtime")), owners.toString());
    }
}
