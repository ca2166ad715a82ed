package io.rebalancer.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes the HTML report whole or not at all (temporary file beside the target, then an atomic move). */
public final class ReportWriter {
    private ReportWriter() {
    }

    /** Renders the report of {@code data} to {@code out} (an .html file; parent directories are created). */
    public static Path write(ReportData data, Path out) {
        String html = ReportRenderer.html(data);
        writeAtomically(out, html);
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

    static void writeAtomically(Path target, String content) {
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, content, StandardCharsets.UTF_8);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
