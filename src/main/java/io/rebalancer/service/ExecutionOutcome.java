package io.rebalancer.service;

import io.rebalancer.domain.Execution;
import io.rebalancer.domain.Holdings;

/**
 * What {@code execute} did: the execution (new, or the one stored before when {@code alreadyExecuted}), and the
 * holdings at the decision's close before and after it.
 */
public record ExecutionOutcome(Execution execution, boolean alreadyExecuted, Holdings before, Holdings after) {
}
