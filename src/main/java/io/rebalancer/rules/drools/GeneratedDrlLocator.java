package io.rebalancer.rules.drools;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a line of the DRL generated from a decision table back to the table row: the generated rule names end
 * in the spreadsheet row number ({@code Name_12}) and each rule is preceded by a {@code // rule values at
 * C12} comment.
 */
final class GeneratedDrlLocator {
    private static final Pattern ROW_COMMENT = Pattern.compile("//\\s*rule values at\\s+([A-Z]+)(\\d+)");
    private static final Pattern RULE_NAME = Pattern.compile("^\\s*rule\\s+\"[^\"]*_(\\d+)\"");

    private GeneratedDrlLocator() {
    }

    static String locate(String drl, int line) {
        String[] lines = drl.split("\n", -1);
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            Matcher c = ROW_COMMENT.matcher(lines[i]);
            if (c.find()) {
                return "Sheet1!" + c.group(1) + c.group(2) + " (row " + c.group(2) + ")";
            }
            Matcher r = RULE_NAME.matcher(lines[i]);
            if (r.find()) {
                return "Sheet1!row " + r.group(1);
            }
        }
        return "Sheet1 (RuleSet header)";
    }
}
