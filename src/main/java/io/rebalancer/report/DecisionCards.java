package io.rebalancer.report;

import io.rebalancer.report.ReportData.DecisionRow;
import io.rebalancer.report.ReportView.KeyValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The decision section's text: the reconciliation of its counts and costs with the summary's metrics, and the
 * compact, de-duplicated lines of a decision card.
 */
final class DecisionCards {
    private DecisionCards() {
    }

    /**
     * Why the Decisions section's rebalances and modelled cost differ from the summary's {@code rebalances} (trading
     * days with fills) and {@code costs} (charged): every fill day is assigned to the latest REBALANCE decision on or
     * before it, which splits fills and costs by the decisions' timing.
     *
     * @param dailyCost the agent's charged costs per day, or null (then only the two definitions are stated)
     */
    static List<String> reconcile(List<LocalDate> dates, List<DecisionRow> decisions, double[] dailyCost,
            double metricRebalances, double metricCosts) {
        List<DecisionRow> rebal = decisions.stream().filter(d -> "REBALANCE".equals(d.action())).toList();
        double modelled = rebal.stream().mapToDouble(DecisionRow::cost).filter(Double::isFinite).sum();
        List<String> out = new ArrayList<>();
        String counts = String.format(Locale.ROOT, "The summary's Rebalances (%s) counts trading days with fills; "
                + "this section counts REBALANCE decisions (%d).", count(metricRebalances), rebal.size());
        String costs = String.format(Locale.ROOT, "The summary's Trading costs (%s) is what the fills were charged; "
                + "the modelled cost here (%s) is what the decisions' plans were expected to cost at their decision "
                + "day's close.", Fmt.money(metricCosts), Fmt.money(modelled));
        if (dailyCost == null) {
            out.add(counts);
            out.add(costs);
            return out;
        }
        TreeMap<LocalDate, DecisionRow> byDay = new TreeMap<>();
        rebal.forEach(d -> byDay.put(d.date(), d));
        int sameDay = 0;
        int laterTranche = 0;
        int orphan = 0;
        double orphanCost = 0;
        List<String> orphanDays = new ArrayList<>();
        Map<String, double[]> byTiming = new LinkedHashMap<>(); // timing -> {modelled, charged, plans}
        for (DecisionRow d : rebal) {
            double[] t = byTiming.computeIfAbsent(timing(d), k -> new double[3]);
            t[0] += Double.isFinite(d.cost()) ? d.cost() : 0;
            t[2]++;
        }
        double charged = 0;
        for (int k = 0; k < dates.size(); k++) {
            if (!(dailyCost[k] > 0)) {
                continue;
            }
            charged += dailyCost[k];
            Map.Entry<LocalDate, DecisionRow> owner = byDay.floorEntry(dates.get(k));
            if (owner == null) {
                orphan++;
                orphanCost += dailyCost[k];
                if (orphanDays.size() < 5) {
                    orphanDays.add(dates.get(k).toString());
                }
                continue;
            }
            if (owner.getKey().equals(dates.get(k))) {
                sameDay++;
            } else {
                laterTranche++;
            }
            byTiming.computeIfAbsent(timing(owner.getValue()), x -> new double[3])[1] += dailyCost[k];
        }
        String orphanText = orphan == 0 ? "" : String.format(Locale.ROOT, ", and on %d day%s before any REBALANCE "
                + "decision of the run (%s%s, charged %s)", orphan, orphan == 1 ? "" : "s", String.join(", ", orphanDays),
                orphan > orphanDays.size() ? ", ..." : "", Fmt.money(orphanCost));
        out.add(counts + String.format(Locale.ROOT, " Fills fell on %d decision days and on %d later days that "
                + "carried further tranches of GRADUAL plans%s; %s = %d.", sameDay, laterTranche, orphanText,
                orphan == 0 ? sameDay + " + " + laterTranche : sameDay + " + " + laterTranche + " + " + orphan,
                sameDay + laterTranche + orphan));
        StringBuilder split = new StringBuilder(costs).append(" By timing of the plan a fill belongs to:");
        byTiming.forEach((timing, t) -> split.append(String.format(Locale.ROOT, " %s %s plans, modelled %s, charged %s;",
                count(t[2]), timing, Fmt.money(t[0]), Fmt.money(t[1]))));
        if (orphan > 0) {
            split.append(String.format(Locale.ROOT, " before any decision, charged %s;", Fmt.money(orphanCost)));
        }
        split.setLength(split.length() - 1);
        split.append(String.format(Locale.ROOT, ". Charged in all %s. A GRADUAL plan is costed whole on its decision "
                + "day but its later tranches fill at later closes and costs, and a newer decision overtakes the "
                + "tranches still open, so they never fill.", Fmt.money(charged)));
        out.add(split.toString());
        return out;
    }

    private static String timing(DecisionRow d) {
        return d.timing() == null ? "unknown-timing" : d.timing();
    }

    private static String count(double v) {
        return Double.isFinite(v) ? Long.toString(Math.round(v)) : Fmt.NONE;
    }

    /**
     * Fired rules without repetition: exact repeats become "rule × n" (wherever they occur, in first-firing order),
     * and consecutive rules that differ only in a final scenario or regime name merge into one line
     * ("analyze: fit: MODERATE FULL · PARTIAL · DEFER").
     */
    static List<String> rules(List<String> fired) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        fired.forEach(r -> counts.merge(r, 1, Integer::sum));
        List<String> out = new ArrayList<>();
        String prefix = null;
        StringBuilder current = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            String rule = e.getKey();
            int cut = rule.lastIndexOf(' ');
            String head = cut > 0 ? rule.substring(0, cut) : rule;
            String last = cut > 0 ? rule.substring(cut + 1) : "";
            boolean name = e.getValue() == 1 && last.matches("[A-Z][A-Z_]+") && head.indexOf(": ") != head.lastIndexOf(": ");
            if (name && head.equals(prefix)) {
                current.append(" \u00b7 ").append(last);
                continue;
            }
            if (current != null) {
                out.add(current.toString());
            }
            current = new StringBuilder(e.getValue() > 1 ? rule + " \u00d7 " + e.getValue() : rule);
            prefix = name ? head : null;
        }
        if (current != null) {
            out.add(current.toString());
        }
        return out;
    }

    /**
     * Reasoning lines without repetition: identical lines once, and a line that says again what the line before it
     * said after its label ("Recommended FULL: x" then "Chose FULL: x") joins it ("Recommended and chose FULL: x").
     */
    static List<String> reasoning(List<String> lines) {
        List<String> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String line : lines) {
            if (!seen.add(line)) {
                continue;
            }
            if (!out.isEmpty()) {
                String prev = out.get(out.size() - 1);
                int pc = prev.indexOf(": ");
                int lc = line.indexOf(": ");
                if (pc > 0 && lc > 0 && prev.substring(pc).equals(line.substring(lc))) {
                    String pl = prev.substring(0, pc);
                    String ll = line.substring(0, lc);
                    String joined = pl.startsWith("Recommended ") && ll.startsWith("Chose ")
                            && pl.substring(12).equals(ll.substring(6))
                            ? "Recommended and chose " + ll.substring(6) : pl + " / " + ll;
                    out.set(out.size() - 1, joined + prev.substring(pc));
                    continue;
                }
            }
            out.add(line);
        }
        return out;
    }

    /** The alternatives with their outcome and their difference to the chosen one (what regret is made of). */
    static List<KeyValue> alternatives(Map<String, Double> alternatives) {
        double chosen = Double.NaN;
        for (Map.Entry<String, Double> e : alternatives.entrySet()) {
            if (e.getKey().contains("(chosen)")) {
                chosen = e.getValue();
            }
        }
        List<KeyValue> out = new ArrayList<>();
        for (Map.Entry<String, Double> e : alternatives.entrySet()) {
            String diff = e.getKey().contains("(chosen)") || !Double.isFinite(chosen) ? ""
                    : " (" + Fmt.signedPct(e.getValue() - chosen) + " vs chosen)";
            out.add(new KeyValue(e.getKey(), Fmt.pct(e.getValue(), 3) + diff));
        }
        return out;
    }
}
