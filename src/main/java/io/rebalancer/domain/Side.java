package io.rebalancer.domain;

/** Direction of a trade. */
public enum Side {
    BUY, SELL
}
