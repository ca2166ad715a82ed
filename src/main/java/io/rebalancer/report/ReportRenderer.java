package io.rebalancer.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** Renders a {@link ReportView} through the precompiled jte template {@code report.jte} (Html: escapes by default). */
public final class ReportRenderer {
    /** Package of the template classes jte-maven-plugin generates from src/main/jte. */
    static final String TEMPLATE_PACKAGE = "io.rebalancer.report.jte";
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            ReportRenderer.class.getClassLoader(), TEMPLATE_PACKAGE);

    private ReportRenderer() {
    }

    public static String render(ReportView view) {
        StringOutput out = new StringOutput(256 * 1024);
        ENGINE.render("report.jte", view, out);
        return out.toString();
    }

    public static String render(ComparisonView view) {
        StringOutput out = new StringOutput(256 * 1024);
        ENGINE.render("compare.jte", view, out);
        return out.toString();
    }

    /** Builds and renders the page for the data. */
    public static String html(ReportData data) {
        return render(ReportBuilder.build(data));
    }
}
