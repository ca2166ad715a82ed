package io.rebalancer.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * bin/rebalancer's class-data-sharing archive, on a copy of the launcher beside a one-class jar that prints its
 * arguments: written by the first backtest, mapped by later starts (checked with {@code -Xshare:on}, under which a
 * JVM that cannot map its archive refuses to start), rewritten after the jar changes, kept out when asked.
 */
class LauncherTest {
    @TempDir
    Path home;

    @BeforeEach
    void layout() throws IOException {
        // a dynamic archive sits on the JDK's own base archive; a JDK built without one cannot write it
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(Path.of(System.getProperty("java.home"), "lib",
                "server", "classes.jsa")), "this JDK has no base class-data-sharing archive");
        Files.createDirectories(home.resolve("bin"));
        Path launcher = home.resolve("bin").resolve("rebalancer");
        Files.copy(Path.of("bin", "rebalancer"), launcher);
        assertTrue(launcher.toFile().setExecutable(true));
        Files.createDirectories(home.resolve("target"));
        writeJar(home.resolve("target").resolve("rebalancer.jar"));
    }

    @Test
    void backtest_firstRun_writesTheArchiveThatTheNextStartMaps() throws Exception {
        Result first = launch(Map.of(), "backtest", "--in-memory");
        assertEquals(0, first.code(), first.output());
        // the run that writes the archive compiles rules with javac: with the signed Eclipse compiler loaded, Java 17
        // crashes writing the archive (exit 134, SIGSEGV in adjust_lambda_proxy_class_dictionary)
        assertEquals("args: backtest --in-memory\ncompiler: NATIVE", first.output().strip());
        assertEquals(1, archives().size(), "one archive, no temporary file left: " + archives());

        Result second = launch(Map.of("JAVA_OPTS", "-Xshare:on"), "run");
        assertEquals(0, second.code(), "the archive maps: " + second.output());
        assertEquals("args: run", second.output().strip());
    }

    @Test
    void backtest_jarRebuiltAfterTheArchive_writesItAfresh() throws Exception {
        assertEquals(0, launch(Map.of(), "backtest").code());
        Path archive = archives().get(0);
        Path jar = home.resolve("target").resolve("rebalancer.jar");
        // a rebuild: the jar newer than the archive (both moved into the past, so the new archive is newer again)
        long now = System.currentTimeMillis();
        Files.setLastModifiedTime(archive, FileTime.fromMillis(now - 60_000));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(now - 30_000));

        Result stale = launch(Map.of(), "run");
        assertEquals(0, stale.code(), "a stale archive is ignored, quietly: " + stale.output());
        assertEquals("args: run", stale.output().strip());

        assertEquals(0, launch(Map.of(), "backtest").code());
        assertTrue(Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0,
                "rewritten after the jar");
    }

    @Test
    void backtest_cdsOff_writesNoArchive() throws Exception {
        Result r = launch(Map.of("REBALANCER_CDS", "off"), "backtest");
        assertEquals(0, r.code(), r.output());
        assertEquals(List.of(), archives());
    }

    @Test
    void exitCode_ofTheCommand_passesThroughAndAFailedRunInstallsNoArchive() throws Exception {
        Result r = launch(Map.of(), "backtest", "exit=7");
        assertEquals(7, r.code(), r.output());
        assertEquals(List.of(), archives(), "an archive is moved into place only after a clean exit");
    }

    @Test
    void backtest_homeWithASpace_runsAndWritesTheArchive() throws Exception {
        Path spaced = home.resolve("my checkout");
        Files.createDirectories(spaced.resolve("bin"));
        Files.createDirectories(spaced.resolve("target"));
        Files.move(home.resolve("bin").resolve("rebalancer"), spaced.resolve("bin").resolve("rebalancer"));
        Files.move(home.resolve("target").resolve("rebalancer.jar"), spaced.resolve("target").resolve("rebalancer.jar"));
        home = spaced;

        Result first = launch(Map.of(), "backtest", "a b");
        assertEquals(0, first.code(), first.output());
        assertEquals("args: backtest a b", first.output().lines().findFirst().orElse(""));
        assertEquals(1, archives().size(), archives().toString());
        Result second = launch(Map.of("JAVA_OPTS", "-Xshare:on"), "run");
        assertEquals(0, second.code(), "the archive maps from a path with a space: " + second.output());
    }

    @Test
    void backtest_xshareOffInJavaOpts_runsWithoutAnArchive() throws Exception {
        Result r = launch(Map.of("JAVA_OPTS", "-Xshare:off"), "backtest");
        assertEquals(0, r.code(), r.output());
        assertEquals("args: backtest", r.output().strip());
        assertEquals(List.of(), archives());
    }

    @Test
    void backtest_launcherTerminatedWhileWriting_endsJavaAndLeavesNoFile() throws Exception {
        ProcessBuilder pb = builder(Map.of(), "backtest", "sleep=60000");
        Process p = pb.start();
        java.io.BufferedReader out = new java.io.BufferedReader(
                new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("args: backtest sleep=60000", out.readLine(), "java started");
        List<ProcessHandle> children = p.descendants().toList();
        assertFalse(children.isEmpty(), "java runs as the launcher's child while it writes the archive");

        p.destroy(); // SIGTERM to the launcher
        assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "the launcher ends");
        assertEquals(143, p.exitValue(), "java's own exit code on SIGTERM");
        for (ProcessHandle child : children) {
            child.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertFalse(child.isAlive(), "no java left running");
        }
        assertEquals(List.of(), archives(), "neither a half-written temporary file nor an archive of a killed run");
    }

    private List<Path> archives() throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("target"))) {
            return files.filter(p -> p.getFileName().toString().contains(".jsa")).sorted().toList();
        }
    }

    private record Result(int code, String output) {
    }

    private Result launch(Map<String, String> env, String... args) throws Exception {
        Process p = builder(env, args).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }

    private ProcessBuilder builder(Map<String, String> env, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(home.resolve("bin").resolve("rebalancer").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("JAVA_OPTS");
        pb.environment().remove("REBALANCER_CDS");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(env);
        return pb;
    }

    /** A jar whose main prints "args: ..." (and "compiler: X" when drools.dialect.java.compiler is set), sleeps for the milliseconds of an argument sleep=N and exits with the code of an argument exit=N. */
    private static void writeJar(Path jar) throws IOException {
        Path src = Files.createTempDirectory("launcher-src");
        Path java = src.resolve("Echo.java");
        Files.writeString(java, "public class Echo { public static void main(String[] a) {"
                + " System.out.println(\"args: \" + String.join(\" \", a));"
                + " if (System.getProperty(\"drools.dialect.java.compiler\") != null) System.out.println(\"compiler: \""
                + " + System.getProperty(\"drools.dialect.java.compiler\")); System.out.flush();"
                + " for (String s : a) { if (s.startsWith(\"sleep=\")) try { Thread.sleep(Long.parseLong(s.substring(6))); } catch (InterruptedException e) { } }"
                + " for (String s : a) { if (s.startsWith(\"exit=\")) System.exit(Integer.parseInt(s.substring(5))); } } }");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", src.toString(), java.toString()));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Echo");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("Echo.class"));
            out.write(Files.readAllBytes(src.resolve("Echo.class")));
            out.closeEntry();
        }
    }
}
