package io.rebalancer.rules;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * How far one phase of the rules may go: at most {@code maxFirings} rule firings and {@code maxTime} of wall
 * time. A rule set that keeps re-activating itself, or a consequence that never returns, ends the phase with a
 * {@link RuleFiringException} instead of hanging the process. The shipped rules fire a few hundred times a
 * phase in a few milliseconds, so the defaults leave a margin of several hundred times.
 *
 * @param maxFirings rule firings per phase, at least 1
 * @param maxTime    wall time per phase, positive
 */
public record RuleLimits(int maxFirings, Duration maxTime) {
    /** {@code $REBALANCER_RULE_MAX_FIRINGS}: firings per phase. */
    public static final String ENV_MAX_FIRINGS = "REBALANCER_RULE_MAX_FIRINGS";
    /** {@code $REBALANCER_RULE_MAX_SECONDS}: seconds per phase. */
    public static final String ENV_MAX_SECONDS = "REBALANCER_RULE_MAX_SECONDS";
    public static final RuleLimits DEFAULT = new RuleLimits(100_000, Duration.ofSeconds(30));

    public RuleLimits {
        Objects.requireNonNull(maxTime, "maxTime");
        if (maxFirings < 1) {
            throw new IllegalArgumentException("maxFirings must be at least 1, was " + maxFirings);
        }
        if (maxTime.isNegative() || maxTime.isZero()) {
            throw new IllegalArgumentException("maxTime must be positive, was " + maxTime);
        }
    }

    /** The limits the environment sets, each defaulting to {@link #DEFAULT}'s. */
    public static RuleLimits from(Function<String, String> env) {
        int firings = DEFAULT.maxFirings();
        Duration time = DEFAULT.maxTime();
        String f = env.apply(ENV_MAX_FIRINGS);
        if (f != null && !f.isBlank()) {
            firings = parse(ENV_MAX_FIRINGS, f);
        }
        String s = env.apply(ENV_MAX_SECONDS);
        if (s != null && !s.isBlank()) {
            time = Duration.ofSeconds(parse(ENV_MAX_SECONDS, s));
        }
        return new RuleLimits(firings, time);
    }

    private static int parse(String name, String value) {
        try {
            int v = Integer.parseInt(value.trim());
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("$" + name + " must be a whole number of at least 1, was '" + value + "'");
    }
}
