package io.rebalancer.rules;

import java.util.List;
import java.util.Optional;

/** What one phase concluded: the rules that fired, in order, and the facts they inserted. */
public record PhaseResult(Phase phase, List<FiredRule> fired, List<Object> conclusions) {
    public PhaseResult {
        fired = List.copyOf(fired);
        conclusions = List.copyOf(conclusions);
    }

    public <T> List<T> all(Class<T> type) {
        return conclusions.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T> Optional<T> one(Class<T> type) {
        List<T> found = all(type);
        if (found.size() > 1) {
            throw new IllegalStateException("rules concluded " + found.size() + " " + type.getSimpleName()
                    + " facts in phase " + phase + ", expected at most one: " + found);
        }
        return found.stream().findFirst();
    }

    public List<String> firedRuleNames() {
        return fired.stream().map(FiredRule::rule).toList();
    }
}
