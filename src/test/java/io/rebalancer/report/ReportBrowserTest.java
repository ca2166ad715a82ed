package io.rebalancer.report;

import io.rebalancer.analytics.Linking;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opens the report in headless Chromium (Debian package {@code chromium}; .ci/run installs it): the DOM Chromium
 * builds has every section, chart and table, no script ran, nothing was fetched from the network and the console
 * stayed quiet; screenshots (desktop and phone) and a printed PDF are saved to target/report-screenshot.png,
 * target/report-screenshot-phone.png and target/report-print.pdf. Skipped when /usr/bin/chromium is absent.
 */
class ReportBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void chromium_rendersReport_allChartsAndTablesNoConsoleErrors() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "headless Chromium not installed (apt-get install -y chromium); browser test skipped");
        ReportData data = ReportFixtures.data(LocalDate.of(2022, 1, 3), LocalDate.of(2022, 9, 30),
                "PORT_<script>alert(1)</script>", "raise <b>after</b> rebalance", Linking.CARINO);
        ReportView view = ReportBuilder.build(data);
        String html = ReportRenderer.render(view);
        Path target = Path.of("target").toAbsolutePath();
        Path page = target.resolve("report-browser-test.html");
        Files.createDirectories(target);
        Files.writeString(page, html);
        int tables = ReportRendererTest.count(html, "<table");

        Path profile = Files.createTempDirectory("rpt-chromium");
        Result dom = chromium(profile, "--dump-dom", page.toUri().toString());
        assertEquals(0, dom.code, dom.err);
        assertEquals(view.chartCount(), ReportRendererTest.count(dom.out, "<svg"), "charts in the browser's DOM");
        assertEquals(tables, ReportRendererTest.count(dom.out, "<table"), "tables in the browser's DOM");
        assertTrue(tables >= 10, "tables: " + tables);
        assertFalse(dom.out.toLowerCase(Locale.ROOT).contains("<script"), "no script element in the DOM");
        assertTrue(dom.out.contains("PORT_&lt;script&gt;alert(1)&lt;/script&gt;"), "the name is shown as text");
        for (String section : List.of("summary", "returns", "equity", "drawdowns", "rolling", "weights", "drift",
                "decisions", "attr-target", "attr-bh", "thresholds")) {
            assertTrue(dom.out.contains("<section id=\"" + section + "\">"), "section " + section + " in the DOM");
        }
        for (String part : List.of("<table class=\"trailing\">", "<table class=\"heat\">",
                "<table class=\"drawdowns\">", "id=\"sm-weights\"", "id=\"sm-drift\"", "<details class=\"card\"",
                "<details class=\"drill\">", "id=\"reconciliation\"", "id=\"fig-rolling-beta\"",
                "id=\"fig-distribution\"", "id=\"fig-yearly\"", "id=\"fig-attr-target-cumulative\"")) {
            assertTrue(dom.out.contains(part), part + " in the DOM");
        }
        for (String line : dom.err.lines().toList()) {
            String l = line.toLowerCase(Locale.ROOT);
            assertFalse(l.contains("uncaught") || l.contains(":console(") || l.contains("net::err"),
                    "browser reported: " + line);
        }

        Path png = target.resolve("report-screenshot.png");
        Files.deleteIfExists(png);
        Result shot = chromium(profile, "--hide-scrollbars", "--screenshot=" + png, "--window-size=1280,4000",
                page.toUri().toString());
        assertEquals(0, shot.code, shot.err);
        assertTrue(Files.size(png) > 50_000, "screenshot " + png + " is " + Files.size(png) + " bytes");
        Path phone = target.resolve("report-screenshot-phone.png");
        Result small = chromium(profile, "--hide-scrollbars", "--screenshot=" + phone, "--window-size=390,2400",
                page.toUri().toString());
        assertEquals(0, small.code, small.err);
        Path pdf = target.resolve("report-print.pdf");
        Files.deleteIfExists(pdf);
        Result print = chromium(profile, "--no-pdf-header-footer", "--print-to-pdf=" + pdf, page.toUri().toString());
        assertEquals(0, print.code, print.err);
        assertTrue(Files.size(pdf) > 50_000, "printed " + pdf + " is " + Files.size(pdf) + " bytes");
        for (String line : (shot.err + small.err + print.err).lines().toList()) {
            String l = line.toLowerCase(Locale.ROOT);
            assertFalse(l.contains("uncaught") || l.contains(":console(") || l.contains("net::err"),
                    "browser reported: " + line);
        }
    }

    record Result(int code, String out, String err) {
    }

    static Result chromium(Path profile, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        File out = File.createTempFile("rpt-chromium", ".out");
        File err = File.createTempFile("rpt-chromium", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out).redirectError(err).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("chromium did not finish in 120 s: " + cmd);
            }
            return new Result(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                    Files.readString(err.toPath(), StandardCharsets.UTF_8));
        } finally {
            out.delete();
            err.delete();
        }
    }
}
