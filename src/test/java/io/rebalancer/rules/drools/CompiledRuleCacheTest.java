package io.rebalancer.rules.drools;

import io.rebalancer.testsupport.ShippedRules;
import io.rebalancer.rules.Phase;
import io.rebalancer.rules.PhaseResult;
import io.rebalancer.rules.RuleSetException;
import io.rebalancer.domain.Regime;
import io.rebalancer.rules.facts.MarketConditions;
import io.rebalancer.rules.facts.PreviousRegime;
import io.rebalancer.rules.facts.RegimeClassified;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The executable-model rule cache: what is kept, when it is reused, and what happens to a bad entry. */
class CompiledRuleCacheTest {
    @TempDir
    Path tmp;

    /** A copy of the shipped rules with a comment appended to one file, so its key is new to this process. */
    private Path variant(String tag) throws IOException {
        Path dir = tmp.resolve("rules-" + tag);
        ShippedRules.copyTo(dir);
        Files.writeString(dir.resolve("monitor.drl"), "\n// variant " + tag + " " + System.nanoTime() + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        return dir;
    }

    @Test
    void readOnly_buildOnDiskFromEarlierProcess_isReusedAndNothingIsWritten() throws IOException {
        Path dir = variant("readonly");
        Path cacheDir = tmp.resolve("ro-cache");
        RuleBuildKey key = RuleBuildKey.of(RuleFiles.scan(dir));
        // nothing cached yet: the read-only cache compiles, keeps the build in memory and leaves the directory alone
        DroolsRuleEngine.load(dir, CompiledRuleCache.readOnly(cacheDir));
        assertFalse(Files.exists(cacheDir), "a read-only cache creates nothing");

        CompiledRuleCache.forgetProcessMemory();
        DroolsRuleEngine.load(dir, CompiledRuleCache.at(cacheDir));
        Path file = CompiledRuleCache.at(cacheDir).file(key);
        assertTrue(Files.isRegularFile(file));
        java.nio.file.attribute.FileTime stamp = java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file, stamp);

        CompiledRuleCache.forgetProcessMemory();
        CompiledRuleCache readOnly = CompiledRuleCache.readOnly(cacheDir);
        assertTrue(readOnly.find(key).isPresent(), "the earlier process's build is found");
        assertEquals(stamp, Files.getLastModifiedTime(file), "and not even touched");
        assertFalse(readOnly.writable());
    }

    @Test
    void key_oneByteOfARuleFileChanged_differs() throws IOException {
        Path dir = variant("key");
        RuleBuildKey before = RuleBuildKey.of(RuleFiles.scan(dir));
        Files.writeString(dir.resolve("monitor.drl"), " ", java.nio.file.StandardOpenOption.APPEND);
        RuleBuildKey after = RuleBuildKey.of(RuleFiles.scan(dir));
        assertNotEquals(before.id(), after.id());
        assertEquals(before.factTypes(), after.factTypes());
        assertEquals(32, before.id().length());
    }

    @Test
    void key_otherFactClassesOrDrools_differs() {
        RuleBuildKey k = new RuleBuildKey("a".repeat(64), "10.2.0", 17, "f".repeat(64));
        assertNotEquals(k.id(), new RuleBuildKey("a".repeat(64), "10.2.0", 17, "e".repeat(64)).id());
        assertNotEquals(k.id(), new RuleBuildKey("a".repeat(64), "10.3.0", 17, "f".repeat(64)).id());
        assertNotEquals(k.id(), new RuleBuildKey("a".repeat(64), "10.2.0", 25, "f".repeat(64)).id());
    }

    @Test
    void find_newProcess_buildsTheKieBaseFromTheJarAlone() throws IOException {
        Path dir = variant("roundtrip");
        Path cacheDir = tmp.resolve("cache");
        CompiledRuleCache cache = CompiledRuleCache.at(cacheDir);
        RuleBuildKey key = RuleBuildKey.of(RuleFiles.scan(dir));
        assertFalse(cache.contains(key));
        DroolsRuleEngine.load(dir, cache);
        assertTrue(Files.isRegularFile(cache.file(key)), "the build is kept on disk");

        CompiledRuleCache.forgetProcessMemory();
        CompiledRuleCache fresh = CompiledRuleCache.at(cacheDir);
        assertTrue(fresh.contains(key));
        var base = fresh.find(key).orElseThrow();
        assertEquals(DrlCompiler.compile(RuleFiles.scan(dir)).ruleCount(), DroolsRuleEngine.ruleCount(base));

        // VIX 22 after a LOW_VOL cycle is MODERATE (regime_vix row "16.5,25"); realised vol 18 % escalates nothing
        DroolsRuleEngine engine = DroolsRuleEngine.load(dir, fresh);
        PhaseResult r = engine.fire(Phase.MONITOR, List.of(new MarketConditions(22.0, 0.18, -0.05, 0.6),
                new PreviousRegime(Regime.LOW_VOL)));
        assertEquals(List.of(Regime.MODERATE), r.conclusions().stream().filter(RegimeClassified.class::isInstance)
                .map(c -> ((RegimeClassified) c).regime()).toList());
    }

    @Test
    void load_unreadableCacheEntry_isReplacedByAFreshBuild() throws IOException {
        Path dir = variant("corrupt");
        Path cacheDir = tmp.resolve("cache");
        CompiledRuleCache cache = CompiledRuleCache.at(cacheDir);
        RuleBuildKey key = RuleBuildKey.of(RuleFiles.scan(dir));
        Files.createDirectories(cacheDir);
        Files.writeString(cache.file(key), "not a jar");

        DroolsRuleEngine engine = DroolsRuleEngine.load(dir, cache);

        assertEquals(RuleFiles.scan(dir).hash(), engine.ruleSetHash());
        byte[] kept = Files.readAllBytes(cache.file(key));
        assertEquals('P', kept[0]);
        assertEquals('K', kept[1]);
    }

    @Test
    void load_rulesThatDoNotCompile_cacheNothingAndNameTheLine() throws IOException {
        Path dir = variant("broken");
        Files.writeString(dir.resolve("monitor.drl"), Files.readString(dir.resolve("monitor.drl"))
                + "\nrule \"broken\"\nwhen\n  $m : NoSuchFact( )\nthen\nend\n");
        Path cacheDir = tmp.resolve("cache");
        CompiledRuleCache cache = CompiledRuleCache.at(cacheDir);

        RuleSetException e = assertThrows(RuleSetException.class, () -> DroolsRuleEngine.load(dir, cache));

        assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("monitor.drl") && !p.location().isEmpty()),
                e.getMessage());
        assertFalse(cache.contains(RuleBuildKey.of(RuleFiles.scan(dir))));
    }

    @Test
    void load_cacheDirectoryNotWritable_stillLoads() throws IOException {
        Path dir = variant("readonly");
        Path blocker = tmp.resolve("a-file");
        Files.writeString(blocker, "x");
        // a directory below a regular file can never be created
        DroolsRuleEngine engine = DroolsRuleEngine.load(dir, CompiledRuleCache.at(blocker.resolve("cache")));
        assertEquals(RuleFiles.scan(dir).hash(), engine.ruleSetHash());
    }
}
