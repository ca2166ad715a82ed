package io.rebalancer.rules;

/**
 * A problem found in a rule file. {@code location} is {@code line[:col]} for DRL or {@code sheet!cell} for a
 * decision table (empty if unknown). Severity ERROR stops the rules from loading; WARNING does not.
 */
public record RuleProblem(Severity severity, String file, String location, String message) {
    public enum Severity { ERROR, WARNING }

    public static RuleProblem error(String file, String location, String message) {
        return new RuleProblem(Severity.ERROR, file, location, message);
    }

    public static RuleProblem warning(String file, String location, String message) {
        return new RuleProblem(Severity.WARNING, file, location, message);
    }

    @Override
    public String toString() {
        String where = location == null || location.isEmpty() ? file : file + ":" + location;
        if (location != null && location.contains("!")) {
            where = file + "!" + location;
        }
        return where + " " + (severity == Severity.WARNING ? "warning: " : "") + message;
    }
}
