package io.rebalancer.sweep.spark;

import java.io.Serializable;

/**
 * What an executor needs to rebuild the sweep for itself (all paths absolute, as seen by every executor: on a
 * cluster, a shared file system or the same checkout on each worker).
 *
 * @param model {@code shared}: one compiled rule model per executor, each variant's table values read from the
 *              global {@code tableValues}; {@code compiled}: each variant's rules written out and compiled on its own
 */
public record SweepConfig(String sweepFile, String rules, String backtestData, String model, String workDir)
        implements Serializable {
    public static final String SHARED = "shared";
    public static final String COMPILED = "compiled";

    public SweepConfig {
        if (!SHARED.equals(model) && !COMPILED.equals(model)) {
            throw new IllegalArgumentException("--model must be shared or compiled, was '" + model + "'");
        }
    }
}
