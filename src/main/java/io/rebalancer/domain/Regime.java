package io.rebalancer.domain;

/** Market regime, from calm to crisis. */
public enum Regime {
    LOW_VOL, MODERATE, HIGH_VOL, CRISIS
}
