package io.rebalancer.rules.drools;

import io.rebalancer.rules.Phase;
import io.rebalancer.rules.RuleFiringException;
import io.rebalancer.rules.RuleLimits;
import io.rebalancer.rules.facts.MarketConditions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.AbstractCollection;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A phase stopped while its facts are still being inserted, before Drools fires: a halt reaches only a session
 * already firing (Drools 10 DefaultAgenda.halt does nothing otherwise), so the phase must not run on afterwards.
 */
class PhaseStoppedBeforeFiringTest {
    @TempDir
    Path tmp;

    /** One rule that re-activates itself, 2 ms a firing: 1500 firings are 3 s unless halted. */
    private DroolsRuleEngine looping(RuleLimits limits) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("loop"));
        Files.writeString(dir.resolve("loop.drl"), """
                package io.rebalancer.rules
                import io.rebalancer.rules.facts.*

                rule "loop"
                    ruleflow-group "monitor"
                when
                    $m : MarketConditions()
                then
                    long end = System.nanoTime() + 2_000_000L; while (System.nanoTime() < end) { }
                    update($m);
                end
                """);
        return DroolsRuleEngine.load(dir, CompiledRuleCache.disabled()).withLimits(limits);
    }

    /** Facts whose iteration (the phase's inserts) waits, ignoring interrupts, until released. */
    private static final class SlowFacts extends AbstractCollection<Object> {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public Iterator<Object> iterator() {
            entered.countDown();
            boolean interrupted = false;
            while (true) {
                try {
                    if (release.await(10, TimeUnit.SECONDS)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return List.<Object>of(new MarketConditions(20, 0.15, -0.05, 0.5)).iterator();
        }

        @Override
        public int size() {
            return 1;
        }
    }

    private static void assertDisposedWithin(DroolsRuleEngine e, long millis, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (e.liveSessions() != 0) {
            assertTrue(System.nanoTime() < end, what);
            Thread.sleep(10);
        }
    }

    @Test
    void fire_phaseTimedOutWhileItsFactsAreInserted_doesNotFireOnAfterTheTimeOut() throws Exception {
        DroolsRuleEngine e = looping(new RuleLimits(1500, Duration.ofMillis(300)));
        SlowFacts facts = new SlowFacts();

        assertThrows(RuleFiringException.class, () -> e.fire(Phase.MONITOR, facts));
        facts.release.countDown();

        // halted, the phase ends after at most the consequence running; the lost halt lets it fire 1500 times (3 s)
        assertDisposedWithin(e, 1000, "the timed-out phase went on firing: its halt was lost");
    }

    @Test
    void guarded_phaseOverdueWhileItsFactsAreInserted_doesNotFireOnAfterTheWorkIsAbandoned() throws Exception {
        Thread caller = Thread.currentThread();
        // the watcher (this thread) reads the clock an hour late: the phase is overdue at its first poll
        LongSupplier late = () -> System.nanoTime() + (Thread.currentThread() == caller ? TimeUnit.HOURS.toNanos(1) : 0);
        DroolsRuleEngine e = looping(new RuleLimits(1500, Duration.ofSeconds(20))).withClock(late);
        SlowFacts facts = new SlowFacts();

        assertThrows(RuleFiringException.class, () -> e.guarded(() -> e.fire(Phase.MONITOR, facts)));
        assertTrue(facts.entered.getCount() == 0, "the phase was not inserting its facts when stopped");
        facts.release.countDown();

        assertDisposedWithin(e, 1000, "the abandoned phase went on firing: its halt was lost");
    }
}
