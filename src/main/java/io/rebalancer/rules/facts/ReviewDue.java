package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/** Conclusion (monitor): today is a review day for the regime's cadence, so drift triggers may fire. */
public record ReviewDue(String review, String rule) {
}
