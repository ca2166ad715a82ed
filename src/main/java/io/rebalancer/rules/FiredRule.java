package io.rebalancer.rules;

/** One rule firing: the rule's name, its agenda group and the file (package) it came from. */
public record FiredRule(String rule, String group, String source) {
}
