package io.rebalancer.domain;

/** The monitor's verdict. */
public enum Verdict {
    TRIGGERED, STABLE
}
