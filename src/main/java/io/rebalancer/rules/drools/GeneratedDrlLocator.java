package io.rebalancer.rules.drools;

import io.rebalancer.rules.drools.DecisionTableLayout.Block;
import io.rebalancer.rules.drools.DecisionTableLayout.Column;
import io.rebalancer.rules.drools.DecisionTableLayout.DataRow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a compile error in the DRL generated from a decision table back to the spreadsheet cell that caused it.
 * The generated rules are preceded by a {@code // rule values at A12, header at A5} comment naming the row;
 * the column is found from the error: a template parameter it names ({@code $5}), the position of the error
 * inside a rendered condition or action, or a word of the message that only one cell of the row contains.
 */
final class GeneratedDrlLocator {
    private static final Pattern ROW_COMMENT = Pattern.compile("//\\s*rule values at\\s+([A-Z]+)(\\d+)");
    private static final Pattern RULE_NAME = Pattern.compile("^\\s*rule\\s+\"[^\"]*_(\\d+)\"");
    private static final Pattern PARAM_IN_MESSAGE = Pattern.compile("\\$(\\d+|param)\\b");
    private static final Pattern QUOTED_TOKEN = Pattern.compile("token \"([^\"]+)\"|input '([^']+)'");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][\\w.]*|\\d+(?:\\.\\d+)?[A-Za-z_]\\w*");

    private GeneratedDrlLocator() {
    }

    /** Location ({@code Sheet1!D12}) of the cell behind an error at a (1-based) line and column of the DRL. */
    static String locate(List<DecisionTableLayout> layouts, String drl, int line, int column, String message) {
        String[] lines = drl.split("\n", -1);
        int row = -1;
        String firstCol = "A";
        for (int i = Math.min(line, lines.length) - 1; i >= 0 && row < 0; i--) {
            Matcher c = ROW_COMMENT.matcher(lines[i]);
            if (c.find()) {
                firstCol = c.group(1);
                row = Integer.parseInt(c.group(2)) - 1;
            } else {
                Matcher r = RULE_NAME.matcher(lines[i]);
                if (r.find()) {
                    row = Integer.parseInt(r.group(1)) - 1;
                }
            }
        }
        String sheetName = layouts.isEmpty() ? TableSheet.CSV_SHEET : layouts.get(0).sheet().name();
        if (row < 0) {
            String cell = cellNamedBy(layouts, message == null ? "" : message);
            return cell != null ? cell : sheetName + "!A1 (RuleSet header)";
        }
        String lineText = line >= 1 && line <= lines.length ? lines[line - 1] : "";
        for (DecisionTableLayout layout : layouts) {
            for (Block block : layout.blocks()) {
                for (DataRow r : block.rows()) {
                    if (r.row() == row) {
                        Column c = column(block, r, lineText, column, message == null ? "" : message);
                        return layout.sheet().location(row, c == null ? block.headerCol() : c.col());
                    }
                }
            }
        }
        return sheetName + "!" + firstCol + (row + 1);
    }

    /**
     * With no line to go by (Drools' expression analyser reports none): the one condition or action cell of the
     * table whose value the message quotes ({@code Regime.MODERAT}), or null.
     */
    private static String cellNamedBy(List<DecisionTableLayout> layouts, String message) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : words(message)) {
            words.add(word.contains(".") ? word.substring(word.lastIndexOf('.') + 1) : word);
        }
        String found = null;
        for (DecisionTableLayout layout : layouts) {
            for (Block block : layout.blocks()) {
                for (DataRow r : block.rows()) {
                    for (Column c : block.columns()) {
                        String cell = r.cells().get(block.indexOf(c));
                        if ((c.isCondition() || c.isAction()) && !cell.isEmpty() && !cell.contains(" ")
                                && words.contains(cell.trim())) {
                            if (found != null) {
                                return null;
                            }
                            found = layout.sheet().location(r.row(), c.col());
                        }
                    }
                }
            }
        }
        return found;
    }

    private static Column column(Block block, DataRow row, String lineText, int errorColumn, String message) {
        List<Column> code = new ArrayList<>();
        for (Column c : block.columns()) {
            if ((c.isCondition() || c.isAction()) && !row.cells().get(block.indexOf(c)).isEmpty()) {
                code.add(c);
            }
        }
        // a template parameter the message names ($5 cannot be resolved: too few values in the cell)
        Matcher p = PARAM_IN_MESSAGE.matcher(message);
        if (p.find()) {
            List<Column> hits = code.stream().filter(c -> c.template().matches(".*\\$" + p.group(1) + "\\b.*")).toList();
            if (hits.size() == 1) {
                return hits.get(0);
            }
        }
        // the error position inside the rendered condition/action
        List<Column> onLine = new ArrayList<>();
        for (Column c : code) {
            String rendered = DecisionTableLayout.render(c.template(), row.cells().get(block.indexOf(c))).trim();
            int at = rendered.isEmpty() ? -1 : lineText.indexOf(rendered);
            if (at >= 0) {
                onLine.add(c);
                if (errorColumn >= 0 && errorColumn >= at - 1 && errorColumn <= at + rendered.length() + 1) {
                    return c;
                }
            }
        }
        // a token the parser quotes that only one cell of the row contains (a '%' typed after a number)
        Matcher q = QUOTED_TOKEN.matcher(message);
        while (q.find()) {
            String token = q.group(1) != null ? q.group(1) : q.group(2);
            List<Column> holding = code.stream().filter(c -> row.cells().get(block.indexOf(c)).contains(token)
                    && !c.template().contains(token)).toList();
            if (holding.size() == 1) {
                return holding.get(0);
            }
        }
        // a word of the message that only one cell of the row contains (an unknown constant, a bad number)
        Set<String> words = words(message);
        List<Column> byWord = new ArrayList<>();
        for (Column c : code) {
            String cell = row.cells().get(block.indexOf(c));
            for (String word : words) {
                if (word.length() >= 2 && containsWord(cell, word) && !containsWord(c.template(), word)) {
                    byWord.add(c);
                    break;
                }
            }
        }
        if (byWord.size() == 1) {
            return byWord.get(0);
        }
        if (onLine.size() == 1) {
            return onLine.get(0);
        }
        return block.columns().isEmpty() ? null : block.columns().get(0);
    }

    /** The identifiers and number-like words of a message ({@code Regime.MODERAT}, {@code 2x5}), in order. */
    private static Set<String> words(String message) {
        Set<String> words = new LinkedHashSet<>();
        Matcher w = WORD.matcher(message);
        while (w.find()) {
            words.add(w.group());
        }
        return words;
    }

    private static boolean containsWord(String text, String word) {
        return Pattern.compile("(?<![\\w.])" + Pattern.quote(word) + "(?![\\w])").matcher(text).find();
    }
}
