package io.rebalancer.domain;

/** The rebalancing scenarios the analyzer simulates. */
public enum ScenarioType {
    FULL, PARTIAL, SECTOR, BAND_EDGE, OPTIMAL, DEFER
}
