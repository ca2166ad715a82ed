package io.rebalancer.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The command line in a child JVM (the test's class path), for tests that kill it or run two at once. Its output
 * (stdout and stderr together) is collected line by line; {@link #killWhen} sends SIGKILL the moment a line
 * matches, which is how a test stops a process just after it reported something and before it closed its store.
 */
final class ChildCli {
    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;
    private volatile Predicate<String> killWhen = line -> false;
    private volatile boolean killedOnLine;

    private ChildCli(Process process) {
        this.process = process;
        this.reader = new Thread(this::read, "child-cli-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code Main args} with the extra environment {@code env} (a null value removes a variable). */
    static ChildCli start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("MONGODB_URI");
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        return new ChildCli(pb.start());
    }

    /** From now on, SIGKILL the process as soon as it prints a line that matches. */
    ChildCli killWhen(Predicate<String> line) {
        this.killWhen = line;
        return this;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!killedOnLine && killWhen.test(line)) {
                    killedOnLine = true;
                    process.destroyForcibly();
                }
                output.append(line).append('\n');
            }
        } catch (IOException e) {
            // the process died; what was read is kept
        }
    }

    /** Waits up to {@code millis} for the process to end, else SIGKILLs it; true when it was killed. */
    boolean killAfter(long millis) throws InterruptedException {
        if (process.waitFor(millis, TimeUnit.MILLISECONDS)) {
            reader.join(5000);
            return killedOnLine;
        }
        process.destroyForcibly();
        process.waitFor();
        reader.join(5000);
        return true;
    }

    /** Waits for the end (at most {@code seconds}) and returns the exit code; fails the test on a timeout. */
    int exit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child did not finish within " + seconds + " s: " + output);
        }
        reader.join(5000);
        return process.exitValue();
    }

    boolean killedOnLine() {
        return killedOnLine;
    }

    long pid() {
        return process.pid();
    }

    Process process() {
        return process;
    }

    String output() {
        return output.toString();
    }
}
