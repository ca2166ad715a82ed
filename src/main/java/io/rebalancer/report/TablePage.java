package io.rebalancer.report;

import java.util.List;
import java.util.Objects;

/**
 * A plain HTML page of captioned tables (the evaluation suite's page), rendered by {@code tables.jte}. Every text
 * is escaped by the template.
 *
 * @param notes paragraphs under the title
 */
public record TablePage(String title, String subtitle, List<String> notes, List<Table> tables) {
    public TablePage {
        Objects.requireNonNull(title, "title");
        notes = List.copyOf(notes);
        tables = List.copyOf(tables);
    }

    /** A table: caption, optional note under it, header cells and rows of cells. */
    public record Table(String id, String caption, String note, List<String> headers, List<List<Cell>> rows) {
        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** One cell; {@code css} is one of "", "text", "win", "loss", "agent" (styling only). */
    public record Cell(String text, String css) {
        public static Cell of(String text) {
            return new Cell(text, "");
        }
    }

    /** The page as HTML through the precompiled template. */
    public String html() {
        gg.jte.output.StringOutput out = new gg.jte.output.StringOutput(64 * 1024);
        ENGINE.render("tables.jte", this, out);
        return out.toString();
    }

    private static final gg.jte.TemplateEngine ENGINE = gg.jte.TemplateEngine.createPrecompiled(null,
            gg.jte.ContentType.Html, TablePage.class.getClassLoader(), ReportRenderer.TEMPLATE_PACKAGE);
}
