package io.rebalancer.rules;

import java.util.List;

/**
 * A rule phase: the agenda groups fired, in order. Each phase has its main group and, where a conclusion
 * needs every fact of the main group first (a verdict, a recommendation), a closing group.
 */
public enum Phase {
    MONITOR(List.of("monitor", "monitor-verdict")),
    ANALYZE(List.of("analyze", "analyze-veto", "analyze-recommend")),
    DECIDE(List.of("decide", "decide-plan")),
    /** After a cycle (or a failure): which alerts to raise. */
    ALERT(List.of("alert"));

    private final List<String> groups;

    Phase(List<String> groups) {
        this.groups = groups;
    }

    public List<String> groups() {
        return groups;
    }
}
