package io.rebalancer.market;

import io.rebalancer.analytics.SegmentReturn;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code period,segment,wp,wb,rp,rb} rows (header required, any column order, fractions: 0.1 = 10 %). A bad
 * row is a {@link DataFileException} naming file:line, the field and the value; nothing is attributed then.
 */
public final class AttributionCsv {
    static final List<String> COLUMNS = List.of("period", "segment", "wp", "wb", "rp", "rb");

    private AttributionCsv() {
    }

    public static List<SegmentReturn> read(Path file) {
        String name = file.toString();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setCommentMarker('#').get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = CSVParser.parse(in, format)) {
            List<String> header = csv.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
            for (String c : COLUMNS) {
                if (!header.contains(c)) {
                    throw new DataFileException(name, 1, "missing column '" + c + "'; expected header " + String.join(",", COLUMNS)
                            + ", found " + String.join(",", csv.getHeaderNames()));
                }
            }
            List<SegmentReturn> rows = new ArrayList<>();
            for (CSVRecord r : csv) {
                long line = r.getParser().getCurrentLineNumber();
                if (r.size() != csv.getHeaderNames().size()) {
                    throw new DataFileException(name, line, "has " + r.size() + " fields, the header has "
                            + csv.getHeaderNames().size());
                }
                String period = text(r, header, csv.getHeaderNames(), "period", name, line);
                String segment = text(r, header, csv.getHeaderNames(), "segment", name, line);
                double wp = number(r, header, csv.getHeaderNames(), "wp", name, line);
                double wb = number(r, header, csv.getHeaderNames(), "wb", name, line);
                double rp = number(r, header, csv.getHeaderNames(), "rp", name, line);
                double rb = number(r, header, csv.getHeaderNames(), "rb", name, line);
                rows.add(SegmentReturn.of(period, segment, wp, wb, rp, rb));
            }
            if (rows.isEmpty()) {
                throw new DataFileException(name, 0, "has no data rows");
            }
            return rows;
        } catch (NoSuchFileException e) {
            throw new DataFileException(name, 0, "no such file");
        } catch (IOException e) {
            throw new DataFileException(name, 0, "cannot read: " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            if (e instanceof DataFileException) {
                throw e;
            }
            throw new DataFileException(name, 0, e.getMessage(), e);
        }
    }

    private static String raw(CSVRecord r, List<String> lower, List<String> original, String column) {
        return r.get(original.get(lower.indexOf(column)));
    }

    private static String text(CSVRecord r, List<String> lower, List<String> original, String column, String file,
            long line) {
        String v = raw(r, lower, original, column);
        if (v.isBlank()) {
            throw new DataFileException(file, line, "field '" + column + "' is empty");
        }
        return v;
    }

    private static double number(CSVRecord r, List<String> lower, List<String> original, String column, String file,
            long line) {
        String v = raw(r, lower, original, column);
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new DataFileException(file, line, "field '" + column + "' value '" + v + "' is not a finite number");
        }
    }
}
