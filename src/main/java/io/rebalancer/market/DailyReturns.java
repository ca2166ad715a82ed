package io.rebalancer.market;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file of daily simple returns, {@code date,return} (yyyy-MM-dd, a fraction; a header line allowed), in date
 * order (the {@code metrics} command's input). A bad line is an IllegalArgumentException naming file:line and value.
 */
public record DailyReturns(Path file, List<LocalDate> dates, double[] values) {

    public static DailyReturns read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<LocalDate> dates = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",");
            if (f.length < 2) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected 'date,return', got '" + line + "'");
            }
            LocalDate d;
            try {
                d = LocalDate.parse(f[0].trim());
            } catch (DateTimeParseException e) {
                if (dates.isEmpty() && values.isEmpty() && i == 0) {
                    continue;
                }
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": '" + f[0] + "' is not a date (yyyy-MM-dd)");
            }
            double v;
            try {
                v = Double.parseDouble(f[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": '" + f[1] + "' is not a number");
            }
            if (!Double.isFinite(v) || v <= -1) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": return " + v + " must be finite and above -1");
            }
            if (!dates.isEmpty() && !d.isAfter(dates.get(dates.size() - 1))) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": date " + d + " does not follow "
                        + dates.get(dates.size() - 1));
            }
            dates.add(d);
            values.add(v);
        }
        return new DailyReturns(file, dates, values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The NAV these returns compound to, from 1 on the day before the first; at least 2 returns, NAV above zero. */
    public double[] navFromOne() {
        if (values.length < 2) {
            throw new IllegalArgumentException(file + " holds " + values.length + " returns; need at least 2");
        }
        double[] nav = new double[values.length + 1];
        nav[0] = 1;
        for (int i = 0; i < values.length; i++) {
            nav[i + 1] = nav[i] * (1 + values[i]);
            if (!(nav[i + 1] > 0)) {
                throw new IllegalArgumentException(file + ": the NAV falls to zero or below on " + dates.get(i));
            }
        }
        return nav;
    }

    /** These returns on the dates of {@code main} (a benchmark or risk-free series); each of its dates must be here. */
    public double[] alignedTo(DailyReturns main) {
        Map<LocalDate, Double> byDate = new LinkedHashMap<>();
        for (int i = 0; i < dates.size(); i++) {
            byDate.put(dates.get(i), values[i]);
        }
        double[] out = new double[main.values.length];
        for (int i = 0; i < out.length; i++) {
            Double v = byDate.get(main.dates.get(i));
            if (v == null) {
                throw new IllegalArgumentException(file + " has no value for " + main.dates.get(i)
                        + ", a date of the returns");
            }
            out[i] = v;
        }
        return out;
    }
}
