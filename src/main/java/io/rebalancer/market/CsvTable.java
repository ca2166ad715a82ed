package io.rebalancer.market;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file read whole with commons-csv: a header row whose names (trimmed, lower case, spaces as
 * underscores) must be exactly one of the accepted column sets, then rows that keep their 1-based line number.
 * Blank lines are skipped; anything malformed is a {@link DataFileException} naming file and line.
 */
final class CsvTable {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).get();

    final String file;
    final List<String> columns;
    final List<Row> rows;

    private CsvTable(String file, List<String> columns, List<Row> rows) {
        this.file = file;
        this.columns = columns;
        this.rows = rows;
    }

    /** Reads the file; its header must name exactly the {@code expected} columns (any order). */
    static CsvTable read(Path path, List<String> expected) {
        String file = path.toString();
        try {
            return read(file, new java.io.StringReader(utf8(file, Files.readAllBytes(path))), expected);
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, 0, "file not found");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new DataFileException(file, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The bytes as UTF-8 text; a byte sequence that is not UTF-8 is an error naming its line. */
    static String utf8(String file, byte[] bytes) {
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        java.nio.charset.CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            long line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new DataFileException(file, line, String.format(java.util.Locale.ROOT,
                    "is not UTF-8 text: byte 0x%02X (save the file as UTF-8)", bytes[at] & 0xff));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    static CsvTable read(String file, Reader in, List<String> expected) throws IOException {
        Reader reader = in.markSupported() ? in : new BufferedReader(in);
        skipBom(reader);
        List<Row> rows = new ArrayList<>();
        List<String> header = null;
        Map<String, Integer> index = new HashMap<>();
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber();
                List<String> values = record.toList();
                for (String v : values) {
                    if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                        throw new DataFileException(file, line, "a quoted value spans several lines");
                    }
                }
                if (values.size() == 1 && values.get(0).isBlank()) {
                    continue;
                }
                if (header == null) {
                    header = values.stream().map(CsvTable::normalize).toList();
                    if (!new java.util.HashSet<>(header).equals(new java.util.HashSet<>(expected))
                            || header.size() != expected.size()) {
                        throw new DataFileException(file, line, "header '" + String.join(",", values)
                                + "' does not match the expected columns " + String.join(",", expected));
                    }
                    for (int i = 0; i < header.size(); i++) {
                        index.put(header.get(i), i);
                    }
                    continue;
                }
                if (values.size() != header.size()) {
                    throw new DataFileException(file, line, "expected " + header.size() + " fields, found "
                            + values.size());
                }
                rows.add(new Row(file, line, index, values));
            }
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new DataFileException(file, 0, "not readable as CSV: " + e.getMessage(), e);
        }
        if (header == null) {
            throw new DataFileException(file, 1, "file is empty; expected a header " + String.join(",", expected));
        }
        if (rows.isEmpty()) {
            throw new DataFileException(file, 0, "file has a header but no data rows");
        }
        return new CsvTable(file, header, rows);
    }

    private static void skipBom(Reader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    /**
     * A plain decimal: optional sign, digits with at most one point (at least one digit), optional exponent
     * ({@code 1}, {@code -2.5}, {@code .5}, {@code 3.}, {@code 1e-3}). Not Java's wider literal syntax: no
     * {@code NaN}, {@code Infinity}, hex or type suffix ({@code 1d}), which {@link Double#parseDouble} would take.
     * A scan, not a regular expression: it runs once per number of every price file.
     */
    static boolean isDecimal(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        boolean point = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            for (; i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    static String normalize(String column) {
        return column.trim().toLowerCase(Locale.ROOT).replace(' ', '_');
    }

    /** One data row: values by column name, with parsing that reports {@code FILE:LINE: field ... value ...}. */
    static final class Row {
        final String file;
        final long line;
        private final Map<String, Integer> index;
        private final List<String> values;

        Row(String file, long line, Map<String, Integer> index, List<String> values) {
            this.file = file;
            this.line = line;
            this.index = index;
            this.values = values;
        }

        String text(String field) {
            return values.get(index.get(field));
        }

        DataFileException error(String problem) {
            return new DataFileException(file, line, problem);
        }

        DataFileException bad(String field, String problem) {
            return error("field '" + field + "' value '" + text(field) + "' " + problem);
        }

        LocalDate date(String field) {
            String s = text(field);
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                throw bad(field, "is not a date (yyyy-mm-dd)");
            }
        }

        double number(String field) {
            String s = text(field);
            if (s.isEmpty()) {
                throw bad(field, "is empty, not a number");
            }
            if (s.equalsIgnoreCase("null")) {
                throw bad(field, "is not a number (Yahoo writes null for a day without data)");
            }
            if (!isDecimal(s)) {
                throw bad(field, "is not a number");
            }
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) {
                throw bad(field, "is out of range");
            }
            return v;
        }

        double positive(String field) {
            double v = number(field);
            if (!(v > 0)) {
                throw bad(field, "is not positive");
            }
            return v;
        }

        long wholeNumber(String field) {
            double v = number(field);
            if (v != Math.rint(v) || Math.abs(v) > 9.0e15) {
                throw bad(field, "is not a whole number");
            }
            if (v < 0) {
                throw bad(field, "is negative");
            }
            return (long) v;
        }
    }

    /** Checks that dates strictly increase down the file. */
    static final class DateOrder {
        private LocalDate previous;
        private long previousLine;

        void check(Row row, String field, LocalDate date) {
            if (previous != null && !date.isAfter(previous)) {
                throw row.error("field '" + field + "' value '" + date + "' "
                        + (date.equals(previous) ? "repeats the date of line " + previousLine
                                : "is before " + previous + " on line " + previousLine + " (dates must be ascending)"));
            }
            previous = date;
            previousLine = row.line;
        }
    }
}
