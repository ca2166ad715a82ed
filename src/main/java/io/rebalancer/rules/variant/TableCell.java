package io.rebalancer.rules.variant;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One cell of a decision table, as {@code rules diff} and the lint name it: {@code thresholds.drl.xlsx!Regime thresholds!D10}
 * (file relative to the rules directory, sheet, spreadsheet address).
 */
public record TableCell(String file, String sheet, int row, int column) implements java.io.Serializable {
    private static final Pattern ADDRESS = Pattern.compile("([^!]+)!([^!]+)!([A-Z]{1,3})([1-9][0-9]{0,5})");

    public TableCell {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sheet, "sheet");
        if (row < 0 || column < 0) {
            throw new IllegalArgumentException("cell row and column are 0-based and non-negative");
        }
    }

    /** Parses {@code file!Sheet!D10}. */
    public static TableCell parse(String text) {
        Matcher m = ADDRESS.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("cell '" + text + "' is not file!Sheet!CELL (e.g."
                    + " thresholds.drl.xlsx!Regime thresholds!D10)");
        }
        int col = 0;
        for (char c : m.group(3).toCharArray()) {
            col = col * 26 + (c - 'A' + 1);
        }
        return new TableCell(m.group(1), m.group(2), Integer.parseInt(m.group(4)) - 1, col - 1);
    }

    public String address() {
        StringBuilder sb = new StringBuilder();
        int c = column + 1;
        while (c > 0) {
            int rem = (c - 1) % 26;
            sb.insert(0, (char) ('A' + rem));
            c = (c - 1) / 26;
        }
        return sb.append(row + 1).toString();
    }

    @Override
    public String toString() {
        return file + "!" + sheet + "!" + address();
    }
}
