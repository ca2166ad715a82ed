package io.rebalancer.cli;

import io.rebalancer.analytics.AttributionResult;
import io.rebalancer.analytics.BrinsonFachler;
import io.rebalancer.analytics.Linking;
import io.rebalancer.analytics.SegmentEffect;
import io.rebalancer.analytics.SegmentReturn;
import io.rebalancer.market.AttributionCsv;
import io.rebalancer.market.DataFileException;
import io.rebalancer.service.RecordJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "attribution", mixinStandardHelpOptions = true,
        description = {"Brinson-Fachler attribution of a CSV of period,segment,wp,wb,rp,rb (fractions; periods linked in "
                + "file order).",
                "Prints allocation, selection and interaction per segment and period, period totals, and effects linked "
                + "over all periods, which sum to the cumulative arithmetic excess."})
public class AttributionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, description = "CSV file with header period,segment,wp,wb,rp,rb")
    Path input;

    @Option(names = "--linking", defaultValue = "carino",
            description = "Multi-period linking: carino or grap (default: ${DEFAULT-VALUE})")
    Linking linking;

    @Option(names = "--json", description = "Print the result as JSON")
    boolean json;

    @Override
    public Integer call() {
        List<SegmentReturn> rows = AttributionCsv.read(input);
        AttributionResult r;
        try {
            r = BrinsonFachler.attribute(rows, linking);
        } catch (IllegalArgumentException e) {
            throw new DataFileException(input.toString(), 0, e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(RecordJson.writePretty(toJson(r, rows)));
        } else {
            out.print(text(r, rows));
        }
        out.flush();
        return ExitCodes.OK;
    }

    static Map<String, Object> toJson(AttributionResult r, List<SegmentReturn> rows) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("method", "Brinson-Fachler");
        root.put("linking", r.linking().name().toLowerCase(Locale.ROOT));
        List<Object> periods = new ArrayList<>();
        for (String p : r.periods()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("period", p);
            pm.put("portfolio_return", r.portfolioReturn(p));
            pm.put("benchmark_return", r.benchmarkReturn(p));
            pm.put("linking_factor", r.linkingFactor(p));
            List<Object> segs = new ArrayList<>();
            for (SegmentReturn s : rows) {
                if (s.period().equals(p)) {
                    Map<String, Object> sm = effect(r.effect(p, s.segment()));
                    sm.put("wp", s.wp());
                    sm.put("wb", s.wb());
                    sm.put("rp", s.rp());
                    sm.put("rb", s.rb());
                    segs.add(sm);
                }
            }
            pm.put("segments", segs);
            pm.put("total", effect(r.periodTotal(p)));
            periods.add(pm);
        }
        root.put("periods", periods);
        Map<String, Object> linked = new LinkedHashMap<>();
        List<Object> bySeg = new ArrayList<>();
        r.linkedBySegment().forEach(e -> bySeg.add(effect(e)));
        linked.put("segments", bySeg);
        linked.put("total", effect(r.linkedTotal()));
        root.put("linked", linked);
        root.put("cumulative_portfolio_return", r.cumulativePortfolioReturn());
        root.put("cumulative_benchmark_return", r.cumulativeBenchmarkReturn());
        root.put("cumulative_excess", r.cumulativeExcess());
        return root;
    }

    private static Map<String, Object> effect(SegmentEffect e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("segment", e.segment());
        m.put("allocation", e.allocation());
        m.put("selection", e.selection());
        m.put("interaction", e.interaction());
        m.put("total", e.total());
        return m;
    }

    static String text(AttributionResult r, List<SegmentReturn> rows) {
        StringBuilder sb = new StringBuilder();
        String linkName = r.linking() == Linking.CARINO ? "Carino" : "GRAP";
        sb.append("Brinson-Fachler attribution, ").append(r.periods().size()).append(" period")
                .append(r.periods().size() == 1 ? "" : "s").append(", linked with ").append(linkName)
                .append(" (effects in % of portfolio)").append(System.lineSeparator());
        String head = f("%-12s %-20s %8s %8s %9s %9s %11s %10s %12s %9s", "Period", "Segment", "wp", "wb", "rp", "rb",
                "Allocation", "Selection", "Interaction", "Total");
        for (String p : r.periods()) {
            sb.append(System.lineSeparator()).append(head).append(System.lineSeparator());
            for (SegmentReturn s : rows) {
                if (s.period().equals(p)) {
                    SegmentEffect e = r.effect(p, s.segment());
                    sb.append(f("%-12s %-20s %8s %8s %9s %9s %11s %10s %12s %9s", p, s.segment(), pct(s.wp()),
                            pct(s.wb()), pct(s.rp()), pct(s.rb()), pct(e.allocation()), pct(e.selection()),
                            pct(e.interaction()), pct(e.total()))).append(System.lineSeparator());
                }
            }
            SegmentEffect t = r.periodTotal(p);
            sb.append(f("%-12s %-20s %8s %8s %9s %9s %11s %10s %12s %9s", p, "Total", "", "",
                    pct(r.portfolioReturn(p)), pct(r.benchmarkReturn(p)), pct(t.allocation()), pct(t.selection()),
                    pct(t.interaction()), pct(t.total()))).append(System.lineSeparator());
        }
        sb.append(System.lineSeparator()).append("Linked over all periods (").append(linkName).append(")")
                .append(System.lineSeparator());
        sb.append(f("%-20s %11s %10s %12s %9s", "Segment", "Allocation", "Selection", "Interaction", "Total"))
                .append(System.lineSeparator());
        for (SegmentEffect e : r.linkedBySegment()) {
            sb.append(f("%-20s %11s %10s %12s %9s", e.segment(), pct(e.allocation()), pct(e.selection()),
                    pct(e.interaction()), pct(e.total()))).append(System.lineSeparator());
        }
        SegmentEffect t = r.linkedTotal();
        sb.append(f("%-20s %11s %10s %12s %9s", "Total", pct(t.allocation()), pct(t.selection()),
                pct(t.interaction()), pct(t.total()))).append(System.lineSeparator());
        sb.append(System.lineSeparator());
        sb.append(f("Cumulative portfolio return %s, benchmark %s, arithmetic excess %s; linked effects sum to %s",
                pct(r.cumulativePortfolioReturn()), pct(r.cumulativeBenchmarkReturn()), pct(r.cumulativeExcess()),
                pct(t.total()))).append(System.lineSeparator());
        return sb.toString();
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.4f", v * 100);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
