package io.rebalancer.agents;

/**
 * A threshold change the rules asked for, as applied within the bounds: the critical drift threshold in force
 * before and after (fractions of NAV), and until when for a temporary change (null if persistent).
 */
public record AppliedThresholdChange(String kind, double requestedDelta, double appliedDelta, int durationDays,
                                     double driftCriticalBefore, double driftCriticalAfter,
                                     java.time.LocalDate until, String reason, String rule) {
}
