package io.rebalancer.rules.drools;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RuleCacheLocationTest {
    private static final Path HOME = Path.of("/home/ana");

    private static Optional<Path> dir(boolean inMemory, Map<String, String> env) {
        CompiledRuleCache cache = RuleCacheLocation.resolve(inMemory, env::get, HOME);
        return cache.directory();
    }

    @Test
    void resolve_nothingSet_usesTheUsersCacheDirectory() {
        assertEquals(Optional.of(Path.of("/home/ana/.cache/rebalancer/rules")), dir(false, Map.of()));
    }

    @Test
    void resolve_xdgCacheHome_usesIt() {
        assertEquals(Optional.of(Path.of("/xdg/rebalancer/rules")), dir(false, Map.of("XDG_CACHE_HOME", "/xdg")));
    }

    @Test
    void resolve_rebalancerHome_winsOverXdg() {
        assertEquals(Optional.of(Path.of("/data/rb/rule-cache")),
                dir(false, Map.of("REBALANCER_HOME", "/data/rb", "XDG_CACHE_HOME", "/xdg")));
    }

    @Test
    void resolve_inMemory_readsTheCacheDirectoryButWritesNothing() {
        CompiledRuleCache cache = RuleCacheLocation.resolve(true, Map.of("REBALANCER_HOME", "/data/rb")::get, HOME);
        assertEquals(Optional.of(Path.of("/data/rb/rule-cache")), cache.directory());
        assertEquals(false, cache.writable());
        assertEquals(true, RuleCacheLocation.resolve(false, Map.<String, String>of()::get, HOME).writable());
    }

    @Test
    void resolve_explicitCache_winsOverEverything() {
        assertEquals(Optional.of(Path.of("/tmp/rc")), dir(true, Map.of("REBALANCER_RULE_CACHE", "/tmp/rc",
                "REBALANCER_HOME", "/data/rb")));
    }

    @Test
    void resolve_explicitOff_keepsNothingOnDisk() {
        assertEquals(Optional.empty(), dir(false, Map.of("REBALANCER_RULE_CACHE", "OFF", "REBALANCER_HOME", "/data/rb")));
    }
}
