package io.rebalancer.portfolio;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a CSV of accounts on models. Header required; columns, in any order: {@code id}, {@code model},
 * {@code basis} (dollars, positive, at most cents), {@code inception} (yyyy-mm-dd, a trading day with prices for
 * every ticker of the model), optional {@code do_not_trade} ({@code true}/{@code false}, empty = false). Every bad
 * value is one problem naming {@code file:line}, the column and the value; the rows that read are returned too.
 */
public final class AccountCsv {
    static final List<String> REQUIRED = List.of("id", "model", "basis", "inception");
    static final List<String> OPTIONAL = List.of("do_not_trade");

    /** One account row as read. */
    public record Row(String file, long line, String id, String model, BigDecimal basis, LocalDate inception,
                      boolean doNotTrade) {
        public String where() {
            return file + ":" + line;
        }
    }

    /** The rows that read and one line per problem. */
    public record Result(List<Row> rows, List<String> problems) {
    }

    private AccountCsv() {
    }

    public static Result read(Path path) {
        String file = path.toString();
        List<Row> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).build();
        try (Reader in = Files.newBufferedReader(path); CSVParser csv = CSVParser.parse(in, format)) {
            Map<String, Integer> header = csv.getHeaderMap();
            Set<String> known = new java.util.HashSet<>(REQUIRED);
            known.addAll(OPTIONAL);
            for (String column : header.keySet()) {
                if (!known.contains(column)) {
                    problems.add(file + ":1: unknown column '" + column + "' (columns: id, model, basis, inception,"
                            + " do_not_trade)");
                }
            }
            for (String column : REQUIRED) {
                if (!header.containsKey(column)) {
                    problems.add(file + ":1: missing column '" + column + "'");
                }
            }
            if (!problems.isEmpty()) {
                return new Result(rows, problems);
            }
            for (CSVRecord r : csv) {
                long line = r.getRecordNumber() + 1;
                Row row = row(file, line, r, problems);
                if (row != null) {
                    rows.add(row);
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            problems.add(file + ": cannot read as CSV: " + e.getMessage());
        }
        return new Result(rows, problems);
    }

    private static Row row(String file, long line, CSVRecord r, List<String> problems) {
        String at = file + ":" + line + ": ";
        int before = problems.size();
        if (!r.isConsistent()) {
            problems.add(at + "has " + r.size() + " values, the header " + r.getParser().getHeaderNames().size());
            return null;
        }
        String id = r.get("id");
        if (id.isEmpty()) {
            problems.add(at + "field 'id' is empty");
        }
        String model = r.get("model");
        if (model.isEmpty()) {
            problems.add(at + "field 'model' is empty");
        }
        BigDecimal basis = null;
        String b = r.get("basis");
        try {
            basis = new BigDecimal(b);
            if (basis.signum() <= 0 || basis.stripTrailingZeros().scale() > 2) {
                problems.add(at + "field 'basis' value '" + b + "' must be a positive amount in dollars and cents");
            }
        } catch (NumberFormatException e) {
            problems.add(at + "field 'basis' value '" + b + "' is not a number");
        }
        LocalDate inception = null;
        String d = r.get("inception");
        try {
            inception = LocalDate.parse(d);
        } catch (DateTimeParseException e) {
            problems.add(at + "field 'inception' value '" + d + "' is not a date (yyyy-mm-dd)");
        }
        boolean doNotTrade = false;
        if (r.isMapped("do_not_trade")) {
            String f = r.get("do_not_trade").toLowerCase(Locale.ROOT);
            if (f.equals("true")) {
                doNotTrade = true;
            } else if (!f.isEmpty() && !f.equals("false")) {
                problems.add(at + "field 'do_not_trade' value '" + r.get("do_not_trade") + "' is not true or false");
            }
        }
        return problems.size() > before ? null : new Row(file, line, id, model, basis, inception, doNotTrade);
    }
}
