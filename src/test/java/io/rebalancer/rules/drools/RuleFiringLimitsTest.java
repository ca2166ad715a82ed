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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each phase fires under a bound: rules that loop, a consequence that does not return, a rule that throws. */
class RuleFiringLimitsTest {
    @TempDir
    Path tmp;

    private static final List<Object> FACTS = List.of(new MarketConditions(20.0, 0.15, -0.05, 0.5));

    private DroolsRuleEngine engine(String consequence, RuleLimits limits) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(dir.resolve("bad.drl"), """
                package io.rebalancer.rules
                import io.rebalancer.rules.facts.*

                rule "calm"
                    ruleflow-group "monitor"
                when
                    MarketConditions()
                then
                end

                rule "the bad one"
                    ruleflow-group "monitor"
                when
                    $m : MarketConditions()
                then
                """ + consequence + "\nend\n");
        return DroolsRuleEngine.load(dir, CompiledRuleCache.disabled()).withLimits(limits);
    }

    @Test
    void fire_ruleThatReactivatesItself_stopsAtTheLimitNamingTheRule() throws IOException {
        DroolsRuleEngine e = engine("update($m);", new RuleLimits(500, Duration.ofSeconds(20)));

        RuleFiringException ex = assertThrows(RuleFiringException.class, () -> e.fire(Phase.MONITOR, FACTS));

        // "calm" matches the updated fact too, so each update re-activates both: 250 firings each, both named,
        // the one that changes the fact first
        assertEquals(2, ex.problems().size(), ex.getMessage());
        assertEquals("11", ex.problems().get(0).location(), ex.getMessage());
        assertTrue(ex.problems().stream().allMatch(p -> p.file().equals("bad.drl")), ex.getMessage());
        assertTrue(ex.problems().stream().anyMatch(p -> p.location().equals("11")
                && p.message().startsWith("rule \"the bad one\" kept firing: 250 of the 500")), ex.getMessage());
        assertTrue(ex.problems().stream().anyMatch(p -> p.location().equals("4")
                && p.message().startsWith("rule \"calm\" kept firing: 250 of the 500")), ex.getMessage());
        assertTrue(ex.getMessage().contains("stops at 500 (REBALANCER_RULE_MAX_FIRINGS)"), ex.getMessage());
    }

    @Test
    void fire_consequenceThatDoesNotReturn_stopsAtTheTimeLimitNamingTheRule() throws IOException {
        // runs 5 s (not forever, to spare the test machine); the limit is 1 s
        DroolsRuleEngine e = engine("long end = System.nanoTime() + 5_000_000_000L; while (System.nanoTime() < end) { }",
                new RuleLimits(1000, Duration.ofSeconds(1)));
        long start = System.nanoTime();

        RuleFiringException ex = assertThrows(RuleFiringException.class, () -> e.fire(Phase.MONITOR, FACTS));

        assertTrue(System.nanoTime() - start < 4_000_000_000L, "waited for the consequence instead of the limit");
        assertTrue(ex.getMessage().contains("ran past 1 s (REBALANCER_RULE_MAX_SECONDS); rule \"the bad one\" was still"
                + " running"), ex.getMessage());
    }

    @Test
    void fire_ruleThatThrows_namesTheRuleAndTheException() throws IOException {
        DroolsRuleEngine e = engine("if ($m.vix() > 0) { throw new IllegalStateException(\"boom at \" + $m.vix()); }",
                RuleLimits.DEFAULT);

        RuleFiringException ex = assertThrows(RuleFiringException.class, () -> e.fire(Phase.MONITOR, FACTS));

        assertEquals("bad.drl", ex.problems().get(0).file());
        assertTrue(ex.getMessage().contains("rule \"the bad one\" threw java.lang.IllegalStateException: boom at 20.0"),
                ex.getMessage());
    }

    @Test
    void guarded_phasesFiredInline_concludeAsPhasesOnTheirOwnThread() throws IOException {
        DroolsRuleEngine e = engine("insert(new Object());", RuleLimits.DEFAULT);
        var alone = e.fire(Phase.MONITOR, FACTS);

        var inline = e.guarded(() -> List.of(e.fire(Phase.MONITOR, FACTS), e.fire(Phase.MONITOR, FACTS)));

        for (var r : inline) {
            assertEquals(alone.fired(), r.fired());
            assertEquals(alone.all(Object.class).size(), r.all(Object.class).size());
        }
        assertEquals(List.of("calm", "the bad one"), alone.fired().stream().map(f -> f.rule()).sorted().toList());
    }

    @Test
    void guarded_ruleThatReactivatesItself_stopsTheWorkAtTheLimitNamingTheRule() throws IOException {
        DroolsRuleEngine e = engine("update($m);", new RuleLimits(500, Duration.ofSeconds(20)));

        RuleFiringException ex = assertThrows(RuleFiringException.class,
                () -> e.guarded(() -> e.fire(Phase.MONITOR, FACTS)));

        assertTrue(ex.getMessage().contains("rule \"the bad one\" kept firing: 250 of the 500"), ex.getMessage());
    }

    @Test
    void guarded_ruleThatThrows_namesTheRuleAndTheException() throws IOException {
        DroolsRuleEngine e = engine("if ($m.vix() > 0) { throw new IllegalStateException(\"boom at \" + $m.vix()); }",
                RuleLimits.DEFAULT);

        RuleFiringException ex = assertThrows(RuleFiringException.class,
                () -> e.guarded(() -> e.fire(Phase.MONITOR, FACTS)));

        assertTrue(ex.getMessage().contains("rule \"the bad one\" threw java.lang.IllegalStateException: boom at 20.0"),
                ex.getMessage());
    }

    @Test
    void guarded_consequenceThatDoesNotReturn_abandonsTheWorkAtTheTimeLimit() throws Exception {
        // the consequence runs 3 s; the limit is 1 s: the caller goes on at about 1 s, and the work, once the
        // consequence returns, fires no further phase
        DroolsRuleEngine e = engine("long end = System.nanoTime() + 3_000_000_000L; while (System.nanoTime() < end) { }",
                new RuleLimits(1000, Duration.ofSeconds(1)));
        java.util.concurrent.atomic.AtomicInteger phasesAfter = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch workEnded = new java.util.concurrent.CountDownLatch(1);
        long start = System.nanoTime();

        RuleFiringException ex = assertThrows(RuleFiringException.class, () -> e.guarded(() -> {
            try {
                e.fire(Phase.MONITOR, FACTS);
                e.fire(Phase.DECIDE, List.of());
                phasesAfter.incrementAndGet();
                return null;
            } finally {
                workEnded.countDown();
            }
        }));

        assertTrue(System.nanoTime() - start < 2_500_000_000L, "waited for the consequence instead of the limit");
        assertTrue(ex.getMessage().contains("monitor phase ran past 1 s (REBALANCER_RULE_MAX_SECONDS); rule \"the bad"
                + " one\" was still running"), ex.getMessage());
        assertTrue(workEnded.await(10, java.util.concurrent.TimeUnit.SECONDS), "the worker finished its consequence");
        assertEquals(0, phasesAfter.get(), "the abandoned work went on");
    }

    @Test
    void limits_fromEnvironment_parsedOrRefusedWithTheName() {
        assertEquals(new RuleLimits(7, Duration.ofSeconds(3)), RuleLimits.from(Map.of(RuleLimits.ENV_MAX_FIRINGS, "7",
                RuleLimits.ENV_MAX_SECONDS, "3")::get));
        assertEquals(RuleLimits.DEFAULT, RuleLimits.from(Map.<String, String>of()::get));
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> RuleLimits.from(Map.of(RuleLimits.ENV_MAX_FIRINGS, "0")::get));
        assertTrue(ex.getMessage().contains("REBALANCER_RULE_MAX_FIRINGS"), ex.getMessage());
    }
}
