package io.rebalancer.report;

import io.rebalancer.report.ReportView.Chart;
import io.rebalancer.report.ReportView.KeyValue;

import java.util.List;

/** What the comparison page of two runs renders (compare.jte): text formatted, charts already SVG. */
public record ComparisonView(String title, String labelA, String labelB, List<KeyValue> runs, List<Row> metrics,
                             List<Chart> charts, List<KeyValue> decisionCounts, List<DiffDay> differences) {

    /** One metric of both agents; {@code raw*} are exact values for data attributes. */
    public record Row(String key, String name, String unit, String a, String b, String diff, String rawA,
                      String rawB) {
    }

    /** A day on which the two agents decided differently (or only one of them was triggered). */
    public record DiffDay(String date, String a, String b, String tradesA, String tradesB, String regretA,
                          String regretB) {
    }
}
