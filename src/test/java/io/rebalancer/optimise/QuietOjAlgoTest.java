package io.rebalancer.optimise;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ojAlgo's first use must print nothing to standard output, whichever class of the package comes first: checked in a
 * fresh JVM, since this one has long initialised ojAlgo.
 */
class QuietOjAlgoTest {

    /** In the fresh JVM: a problem (whose covariance check is the first ojAlgo call) solved, nothing else. */
    public static void main(String[] args) {
        double[][] cov = {{0.04, 0.01}, {0.01, 0.09}};
        TrackingErrorOptimiser.Problem p = new TrackingErrorOptimiser.Problem(new double[]{0.7, 0.3}, 0,
                new double[]{0.5, 0.5}, cov, 10, new double[]{0.0003, 0.0003}, 0.25, 1.0);
        TrackingErrorOptimiser.solve(p);
    }

    @Test
    void firstProblemInAFreshJvm_printsNothingToStandardOutput() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), QuietOjAlgoTest.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the JVM did not end");
        assertEquals(0, process.exitValue());
        assertEquals("", out);
    }
}
