package io.rebalancer.rules.drools;


import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where compiled rule sets are kept between processes. First match wins: env {@code REBALANCER_RULE_CACHE}
 * ({@code off} keeps them in memory only), env {@code REBALANCER_HOME} ({@code $REBALANCER_HOME/rule-cache}),
 * {@code $XDG_CACHE_HOME/rebalancer/rules}, {@code ~/.cache/rebalancer/rules}. With {@code --in-memory} the
 * directory is only read (a rule set compiled before, e.g. by the build, is reused; nothing is written there).
 * The cache is keyed by content, so one cache serves every data directory and store.
 */
public final class RuleCacheLocation {
    static final String ENV_CACHE = "REBALANCER_RULE_CACHE";

    private RuleCacheLocation() {
    }

    public static CompiledRuleCache resolve(boolean inMemory) {
        return resolve(inMemory, System::getenv, Path.of(System.getProperty("user.home")));
    }

    static CompiledRuleCache resolve(boolean inMemory, Function<String, String> env, Path home) {
        String explicit = env.apply(ENV_CACHE);
        if (present(explicit)) {
            return explicit.trim().equalsIgnoreCase("off") ? CompiledRuleCache.inProcess()
                    : CompiledRuleCache.at(Path.of(explicit.trim()));
        }
        Path dir;
        if (present(env.apply("REBALANCER_HOME"))) {
            dir = Path.of(env.apply("REBALANCER_HOME").trim(), "rule-cache");
        } else if (present(env.apply("XDG_CACHE_HOME"))) {
            dir = Path.of(env.apply("XDG_CACHE_HOME").trim(), "rebalancer", "rules");
        } else {
            dir = home.resolve(".cache").resolve("rebalancer").resolve("rules");
        }
        return inMemory ? CompiledRuleCache.readOnly(dir) : CompiledRuleCache.at(dir);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
