package io.rebalancer.domain;

/** When a chosen scenario is executed. */
public enum Timing {
    IMMEDIATE, GRADUAL, DEFER
}
