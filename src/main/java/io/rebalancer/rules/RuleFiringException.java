package io.rebalancer.rules;

import java.util.List;

/**
 * A phase of the rules could not finish: a rule threw, the rules kept firing past {@link RuleLimits#maxFirings},
 * or a consequence ran past {@link RuleLimits#maxTime}. Each problem names the rule and, where known, its file
 * and line. Nothing of the phase's conclusions is used.
 */
public final class RuleFiringException extends RuleSetException {
    public RuleFiringException(List<RuleProblem> problems) {
        super(problems);
    }
}
