package io.rebalancer.rules.drools;

import io.rebalancer.rules.Phase;
import io.rebalancer.rules.PhaseResult;
import io.rebalancer.rules.RuleFiringException;
import io.rebalancer.rules.RuleLimits;
import io.rebalancer.rules.facts.MarketConditions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guarded work's watch and the sessions of phases past their time: which phase is halted and reported, whose
 * limit applies, what an abandoned work still does, and that every session is disposed once its firing stopped.
 * Each phase's one rule busy-waits as many milliseconds as the fact's VIX says.
 */
class GuardedFiringTest {
    @TempDir
    Path tmp;

    private static final long HOUR = TimeUnit.HOURS.toNanos(1);

    private static List<Object> millis(long ms) {
        return List.of(new MarketConditions(ms, 0.15, -0.05, 0.5));
    }

    /** Rules "slow {name} monitor" and "slow {name} decide" in {name}.drl, each busy for the fact's VIX in ms. */
    private DroolsRuleEngine engine(String name, RuleLimits limits) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        StringBuilder drl = new StringBuilder("package io.rebalancer.rules\nimport io.rebalancer.rules.facts.*\n");
        for (String group : List.of("monitor", "decide")) {
            drl.append("""

                    rule "slow %s %s"
                        ruleflow-group "%s"
                    when
                        $m : MarketConditions()
                    then
                        long end = System.nanoTime() + (long) ($m.vix() * 1_000_000L); while (System.nanoTime() < end) { }
                    end
                    """.formatted(name, group, group));
        }
        Files.writeString(dir.resolve(name + ".drl"), drl);
        return DroolsRuleEngine.load(dir, CompiledRuleCache.disabled()).withLimits(limits);
    }

    /**
     * A clock that, when the watching thread first reads it (with a phase in flight), waits until the worker has
     * started its next phase and reads an hour late: the watcher finds overdue a phase that has just ended. The
     * watcher's later readings are an hour late too when {@code staysLate}, otherwise right.
     */
    private static final class StallingClock implements LongSupplier {
        private final Thread watcher = Thread.currentThread();
        private final boolean staysLate;
        private final AtomicInteger phasesStarted = new AtomicInteger();
        private final CountDownLatch secondPhaseStarted = new CountDownLatch(1);
        private final AtomicBoolean stalled = new AtomicBoolean();

        StallingClock(boolean staysLate) {
            this.staysLate = staysLate;
        }

        @Override
        public long getAsLong() {
            if (Thread.currentThread() != watcher) {
                // the worker reads the clock once per phase, as the phase starts
                if (phasesStarted.incrementAndGet() == 2) {
                    secondPhaseStarted.countDown();
                }
                return System.nanoTime();
            }
            if (stalled.compareAndSet(false, true)) {
                try {
                    assertTrue(secondPhaseStarted.await(5, TimeUnit.SECONDS), "the second phase never started");
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return System.nanoTime() + HOUR;
            }
            return System.nanoTime() + (staysLate ? HOUR : 0);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, what);
            Thread.sleep(10);
        }
    }

    @Test
    void guarded_phaseEndsAsTheWatcherFindsItOverdue_neitherItNorTheNextPhaseIsHalted() throws Exception {
        // the monitor phase (400 ms) is in flight at the first poll (250 ms); the watcher reads the clock as it
        // ends and the decide phase starts: the late reading is about a phase that is done
        DroolsRuleEngine e = engine("a", new RuleLimits(1000, Duration.ofSeconds(1))).withClock(new StallingClock(false));

        List<PhaseResult> results = e.guarded(() -> List.of(e.fire(Phase.MONITOR, millis(400)),
                e.fire(Phase.DECIDE, millis(400))));

        assertEquals(List.of("slow a monitor", "slow a decide"),
                results.stream().map(r -> r.fired().get(0).rule()).toList());
    }

    @Test
    void guarded_workAbandonedAtTheTimeLimit_firesAndAddsNothingMoreAndItsWorkerEnds() throws Exception {
        // as above, but the decide phase is overdue too: it is the one halted and reported, and the work, which
        // fires phase after phase, fires none after it
        DroolsRuleEngine e = engine("a", new RuleLimits(1000, Duration.ofSeconds(1))).withClock(new StallingClock(true));
        List<Phase> phases = List.of(Phase.MONITOR, Phase.DECIDE, Phase.MONITOR, Phase.DECIDE);
        List<PhaseResult> done = new CopyOnWriteArrayList<>();
        CountDownLatch workEnded = new CountDownLatch(1);
        AtomicBoolean workerInterrupted = new AtomicBoolean();

        RuleFiringException ex = assertThrows(RuleFiringException.class, () -> e.guarded(() -> {
            try {
                for (Phase p : phases) {
                    try {
                        done.add(e.fire(p, millis(400)));
                    } catch (RuleFiringException failed) {
                        // a work that goes on past a failed phase: only abandoning the work stops it
                    }
                }
                return null;
            } finally {
                workerInterrupted.set(Thread.currentThread().isInterrupted());
                workEnded.countDown();
            }
        }));
        int doneWhenThrown = done.size();

        assertTrue(workEnded.await(5, TimeUnit.SECONDS), "the worker did not end");
        assertEquals(1, doneWhenThrown);
        assertEquals(doneWhenThrown, done.size(), "the abandoned work went on");
        assertTrue(workerInterrupted.get(), "the worker was not interrupted");
        assertTrue(ex.getMessage().contains("decide phase ran past 1 s (REBALANCER_RULE_MAX_SECONDS); rule \"slow a"
                + " decide\" was still running"), ex.getMessage());
    }

    @Test
    void guarded_phaseOfAnotherEngineWithAShorterLimit_haltedAtThatLimit() throws Exception {
        DroolsRuleEngine a = engine("a", new RuleLimits(1000, Duration.ofSeconds(20)));
        DroolsRuleEngine b = engine("b", new RuleLimits(1000, Duration.ofMillis(300)));
        long start = System.nanoTime();

        RuleFiringException ex = assertThrows(RuleFiringException.class,
                () -> a.guarded(() -> b.fire(Phase.MONITOR, millis(1200))));

        assertTrue(System.nanoTime() - start < 1_000_000_000L, "waited for the consequence instead of b's limit");
        assertEquals("b.drl", ex.problems().get(0).file(), ex.getMessage());
        assertTrue(ex.getMessage().contains("monitor phase ran past 0.3 s (REBALANCER_RULE_MAX_SECONDS)"), ex.getMessage());
    }

    @Test
    void guarded_callersWithTheirOwnContextClassLoaders_eachWorkRunsWithItsCallers() throws Exception {
        DroolsRuleEngine a = engine("a", new RuleLimits(1000, Duration.ofSeconds(20)));
        ClassLoader first = new java.net.URLClassLoader(new java.net.URL[0], null);
        ClassLoader second = new java.net.URLClassLoader(new java.net.URL[0], null);
        List<ClassLoader> seen = new CopyOnWriteArrayList<>();
        // one after the other, so that the second caller's work runs on the pool thread made for the first
        for (ClassLoader loader : List.of(first, second)) {
            Thread caller = new Thread(() -> seen.add(a.guarded(() -> Thread.currentThread().getContextClassLoader())));
            caller.setContextClassLoader(loader);
            caller.start();
            caller.join();
        }
        ClassLoader mine = Thread.currentThread().getContextClassLoader();

        assertEquals(List.of(first, second), seen);
        assertEquals(mine, a.guarded(() -> Thread.currentThread().getContextClassLoader()));
    }

    @Test
    void guarded_phaseOfAnotherEngineWithALongerLimit_runsToItsEnd() throws Exception {
        DroolsRuleEngine a = engine("a", new RuleLimits(1000, Duration.ofMillis(300)));
        DroolsRuleEngine b = engine("b", new RuleLimits(1000, Duration.ofSeconds(20)));

        PhaseResult r = a.guarded(() -> b.fire(Phase.MONITOR, millis(800)));

        assertEquals("slow b monitor", r.fired().get(0).rule());
    }

    @Test
    void guarded_nestedGuardedOfAnotherEngine_itsPhasesUnderItsLimit() throws Exception {
        DroolsRuleEngine a = engine("a", new RuleLimits(1000, Duration.ofSeconds(20)));
        DroolsRuleEngine b = engine("b", new RuleLimits(1000, Duration.ofMillis(300)));
        long start = System.nanoTime();

        RuleFiringException ex = assertThrows(RuleFiringException.class, () -> a.guarded(() -> List.of(
                a.fire(Phase.MONITOR, millis(0)), b.guarded(() -> b.fire(Phase.DECIDE, millis(1200))))));

        assertTrue(System.nanoTime() - start < 1_000_000_000L, "waited for the consequence instead of b's limit");
        assertEquals("b.drl", ex.problems().get(0).file(), ex.getMessage());
        assertTrue(ex.getMessage().contains("decide phase ran past 0.3 s (REBALANCER_RULE_MAX_SECONDS)"), ex.getMessage());
    }

    @Test
    void fire_phasePastItsTime_sessionDisposedOnceItsThreadLeavesTheRules() throws Exception {
        DroolsRuleEngine e = engine("a", new RuleLimits(1000, Duration.ofMillis(300)));

        assertThrows(RuleFiringException.class, () -> e.fire(Phase.MONITOR, millis(1000)));

        assertEquals(1, e.liveSessions(), "disposed while its consequence still ran");
        await(() -> e.liveSessions() == 0, "the timed-out phase's session was never disposed");
    }

    @Test
    void guarded_phasePastItsTime_itsSessionAndThoseOfPhasesRefusedAfterAreDisposed() throws Exception {
        DroolsRuleEngine e = engine("a", new RuleLimits(1000, Duration.ofMillis(300)));
        CountDownLatch workEnded = new CountDownLatch(1);
        AtomicReference<RuntimeException> refused = new AtomicReference<>();

        assertThrows(RuleFiringException.class, () -> e.guarded(() -> {
            try {
                return e.fire(Phase.MONITOR, millis(1000));
            } catch (RuleFiringException timedOut) {
                try {
                    return e.fire(Phase.DECIDE, millis(0));
                } catch (RuntimeException abandoned) {
                    refused.set(abandoned);
                    throw abandoned;
                }
            } finally {
                workEnded.countDown();
            }
        }));

        assertEquals(1, e.liveSessions(), "disposed while its consequence still ran");
        assertTrue(workEnded.await(5, TimeUnit.SECONDS), "the worker did not end");
        assertTrue(refused.get() instanceof java.util.concurrent.CancellationException, String.valueOf(refused.get()));
        await(() -> e.liveSessions() == 0, "a session of the abandoned work was never disposed");
    }

    @Test
    void fire_callerInterruptedWhileAPhaseFires_sessionDisposedOnceItsThreadLeavesTheRules() throws Exception {
        DroolsRuleEngine e = engine("a", new RuleLimits(1000, Duration.ofSeconds(20)));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                e.fire(Phase.MONITOR, millis(800));
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        caller.start();
        await(() -> e.liveSessions() == 1, "the phase never started");
        Thread.sleep(100);

        caller.interrupt();
        caller.join(5000);

        assertTrue(thrown.get() instanceof IllegalStateException, String.valueOf(thrown.get()));
        assertEquals("interrupted while the rules fired", thrown.get().getMessage());
        await(() -> e.liveSessions() == 0, "the interrupted phase's session was never disposed");
    }
}
