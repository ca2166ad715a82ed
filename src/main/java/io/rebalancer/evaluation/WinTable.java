package io.rebalancer.evaluation;

import io.rebalancer.backtest.Baselines;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent against every baseline over a suite's samples: per baseline and metric, the samples the agent won,
 * tied and lost, and the mean difference agent minus baseline. A tie is a difference within the suite's Sharpe
 * tolerance for Sharpe and within {@value #TIE} otherwise.
 */
public record WinTable(Map<String, Map<SuiteMetric, Cell>> rows) {
    static final double TIE = 1e-9;

    /** Wins, ties and losses of the agent, and the mean of agent minus baseline over the samples. */
    public record Cell(int wins, int ties, int losses, double meanDifference) {
    }

    public static WinTable of(List<SampleResult> samples, double sharpeTolerance) {
        Map<String, Map<SuiteMetric, Cell>> rows = new LinkedHashMap<>();
        for (String b : baselines(samples)) {
            Map<SuiteMetric, Cell> row = new LinkedHashMap<>();
            for (SuiteMetric m : SuiteMetric.values()) {
                int w = 0;
                int t = 0;
                int l = 0;
                double sum = 0;
                int n = 0;
                for (SampleResult s : samples) {
                    if (!s.strategies().containsKey(b)) {
                        continue;
                    }
                    double a = m.of(s.agent());
                    double o = m.of(s.strategy(b));
                    int c = m.compare(a, o, m == SuiteMetric.SHARPE ? sharpeTolerance : TIE);
                    if (c > 0) {
                        w++;
                    } else if (c < 0) {
                        l++;
                    } else {
                        t++;
                    }
                    if (!Double.isNaN(a) && !Double.isNaN(o)) {
                        sum += a - o;
                        n++;
                    }
                }
                row.put(m, new Cell(w, t, l, n == 0 ? Double.NaN : sum / n));
            }
            rows.put(b, row);
        }
        return new WinTable(rows);
    }

    /** Baselines in {@link Baselines#NAMES} order, then any other non-agent strategy, as they appear. */
    static List<String> baselines(List<SampleResult> samples) {
        List<String> out = new ArrayList<>();
        for (String b : Baselines.NAMES) {
            if (samples.stream().anyMatch(s -> s.strategies().containsKey(b))) {
                out.add(b);
            }
        }
        for (SampleResult s : samples) {
            for (String name : s.strategies().keySet()) {
                if (!name.equals(SampleResult.AGENT) && !out.contains(name)) {
                    out.add(name);
                }
            }
        }
        return out;
    }
}
