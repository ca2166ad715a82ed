package io.rebalancer.rules;

import java.util.List;
import java.util.stream.Collectors;

/** The rule set in a directory could not be loaded; {@link #problems()} names each file and line or cell. */
public class RuleSetException extends RuntimeException {
    private final List<RuleProblem> problems;

    public RuleSetException(List<RuleProblem> problems) {
        super(problems.stream().map(RuleProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
