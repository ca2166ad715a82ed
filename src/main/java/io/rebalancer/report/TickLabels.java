package io.rebalancer.report;

import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Axis ticks labelled with as many decimals as the tick spacing needs, so that neighbouring ticks never print alike:
 * one fixed format printed "-0%" on every tick of a 0.03 % range and "1.06M" on two ticks of a short NAV curve.
 * Dates tick in days at the finest (a two-day run was labelled in hours).
 */
final class TickLabels {
    /** What the numbers on an axis are. */
    enum Kind {
        /** fractions shown as percent, e.g. 12.5% */
        PERCENT,
        /** fractions shown as signed percent, e.g. +1.2% and -0.4% */
        SIGNED_PERCENT,
        /** plain ratios, e.g. 1.25 */
        RATIO,
        /** money in compact form, e.g. 1.055M */
        MONEY
    }

    private TickLabels() {
    }

    /** Installs tick units of 1, 2 and 5 times the powers of ten, each with the labels its spacing needs. */
    static void apply(NumberAxis axis, Kind kind) {
        TickUnits units = new TickUnits();
        for (int e = -9; e <= 13; e++) {
            for (int m : new int[] {1, 2, 5}) {
                double size = m * Math.pow(10, e);
                units.add(new NumberTickUnit(size, format(kind, size)));
            }
        }
        axis.setStandardTickUnits(units);
        axis.setNumberFormatOverride(null);
        // a range of rounding noise (1e-18 either side of 0) would otherwise be drawn as full-height bars
        axis.setAutoRangeMinimumSize(switch (kind) {
            case PERCENT, SIGNED_PERCENT -> 1e-4;
            case RATIO -> 1e-2;
            case MONEY -> 1;
        });
    }

    /** The label format for ticks {@code size} apart. */
    static NumberFormat format(Kind kind, double size) {
        return switch (kind) {
            case PERCENT -> decimal(fixed(decimalsFor(size * 100)) + "%");
            case SIGNED_PERCENT -> {
                String p = fixed(decimalsFor(size * 100)) + "%";
                yield decimal("+" + p + ";-" + p);
            }
            case RATIO -> decimal(fixed(Math.max(1, decimalsFor(size))));
            case MONEY -> new CompactMoney(size);
        };
    }

    /** Day, month and year ticks in the date formats a reader expects (never hours). */
    static void apply(DateAxis axis) {
        TimeZone utc = TimeZone.getTimeZone("UTC");
        TickUnits units = new TickUnits();
        for (int days : new int[] {1, 2, 7, 14}) {
            units.add(new DateTickUnit(DateTickUnitType.DAY, days, date("yyyy-MM-dd", utc)));
        }
        for (int months : new int[] {1, 2, 3, 6}) {
            units.add(new DateTickUnit(DateTickUnitType.MONTH, months, date("MMM yyyy", utc)));
        }
        for (int years : new int[] {1, 2, 5, 10, 25}) {
            units.add(new DateTickUnit(DateTickUnitType.YEAR, years, date("yyyy", utc)));
        }
        axis.setTimeZone(utc);
        axis.setStandardTickUnits(units);
    }

    /** Decimals that tell ticks {@code step} apart (in the unit shown): 0 for 1 or more, 1 for 0.1-0.5, ... */
    static int decimalsFor(double step) {
        return Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
    }

    private static String fixed(int decimals) {
        return decimals == 0 ? "0" : "0." + "0".repeat(decimals);
    }

    private static NumberFormat decimal(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    private static SimpleDateFormat date(String pattern, TimeZone zone) {
        SimpleDateFormat f = new SimpleDateFormat(pattern, Locale.ROOT);
        f.setTimeZone(zone);
        return f;
    }

    /** 500k, 1M, 2.5M, with the decimals ticks {@code step} apart need (1.050M, 1.055M). */
    static final class CompactMoney extends NumberFormat {
        private static final String[] SUFFIX = {"", "k", "M", "B", "T"};
        private final double step;

        CompactMoney(double step) {
            this.step = step;
        }

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            if (!Double.isFinite(number)) {
                return toAppendTo.append(Fmt.NONE);
            }
            double a = Math.abs(number);
            int i = 0;
            double scale = 1;
            while (a / scale >= 1000 && i < SUFFIX.length - 1) {
                scale *= 1000;
                i++;
            }
            int decimals = Math.min(6, decimalsFor(step / scale));
            String num = String.format(Locale.ROOT, "%." + decimals + "f", a / scale);
            boolean zero = Double.parseDouble(num) == 0;
            return toAppendTo.append(number < 0 && !zero ? "-" : "").append(num).append(zero ? "" : SUFFIX[i]);
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return format((double) number, toAppendTo, pos);
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            throw new UnsupportedOperationException("display only");
        }
    }
}
