package io.rebalancer.agents;

/** Which price values positions and fills: the as-traded close (live) or the total-return adj_close (backtests). */
public enum PriceBasis {
    CLOSE, ADJ_CLOSE
}
