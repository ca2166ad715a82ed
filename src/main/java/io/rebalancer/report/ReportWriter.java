package io.rebalancer.report;

import java.nio.file.Path;

/** Writes the HTML report whole or not at all (temporary file beside the target, then an atomic move). */
public final class ReportWriter {
    private ReportWriter() {
    }

    /**
     * Loads and runs once what the first report would otherwise pay for (Java2D's fonts, JFreeChart, the template
     * engine), writing nothing: for a background thread while the run the report is for is still going.
     */
    public static void warmUp() {
        try {
            Charts.warmUp();
            Class.forName(ReportRenderer.class.getName(), true, ReportWriter.class.getClassLoader());
        } catch (RuntimeException | LinkageError | ClassNotFoundException e) {
            // a warm-up that fails costs only the time it would have saved; the real report says what is wrong
        }
    }

    /** Renders the report of {@code data} to {@code out} (an .html file; parent directories are created). */
    public static Path write(ReportData data, Path out) {
        String html = ReportRenderer.html(data);
        io.rebalancer.service.AtomicFiles.write(out, html);
        return out;
    }

    /** Renders the comparison page of two runs' agents to {@code out}, whole or not at all. */
    public static Path writeComparison(ReportData a, ReportData b, Path out) {
        String html = ReportRenderer.render(ComparisonBuilder.build(a, b));
        io.rebalancer.service.AtomicFiles.write(out, html);
        return out;
    }

    /**
     * Renders the report of a backtest run to {@code out}, attribution linked with Carino.
     *
     * @param prices the price history the run traded at (every ticker, every day of the run)
     */
    public static Path write(io.rebalancer.backtest.BacktestResult result, io.rebalancer.analytics.PriceHistory prices,
            Path out) {
        return write(BacktestReportData.of(result, prices, io.rebalancer.analytics.Linking.CARINO), out);
    }
}
