package io.rebalancer.cli;

import io.rebalancer.agents.Cycle;
import io.rebalancer.agents.CycleRecord;
import io.rebalancer.rules.RuleEngine;
import io.rebalancer.rules.RuleLimits;
import io.rebalancer.rules.drools.DroolsRuleEngine;
import io.rebalancer.service.RuleSetReplay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import static io.rebalancer.cli.CycleConsoleReport.f;

/** {@code rules diff --rules A --against B}: replay stored market days through two rule sets, list where they differ. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Replay stored market days live-cycle style through two rule sets (--rules and --against) and list"
                + " the days whose decisions differ, with the rules that fired in one but not the other. Writes nothing.")
public class RulesDiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--against", required = true, description = "The other rule directory")
    Path against;

    @Option(names = "--from", description = "First day, yyyy-MM-dd (default: 60 stored trading days before the last)")
    LocalDate from;

    @Option(names = "--to", description = "Last day, yyyy-MM-dd (default: the latest stored day)")
    LocalDate to;

    @Option(names = "--portfolio", defaultValue = "PORT_A_TechGrowth", description = "Portfolio id (default: ${DEFAULT-VALUE})")
    String portfolio;

    static final int DEFAULT_DAYS = 60;

    @Override
    public Integer call() {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("--from " + from + " is after --to " + to);
        }
        RuleEngine a = DroolsRuleEngine.load(store.rules, store.ruleCache()).withLimits(RuleLimits.from(System::getenv));
        RuleEngine b = DroolsRuleEngine.load(against, store.ruleCache()).withLimits(RuleLimits.from(System::getenv));
        try (AppContext app = new AppContext(store)) {
            LocalDate last = to != null ? to : app.stores().prices().latestDate()
                    .orElseThrow(() -> new io.rebalancer.service.NotFoundException("the store holds no prices"));
            LocalDate inception = io.rebalancer.service.LiveCycleService.portfolio(app.stores(), portfolio).inception();
            for (LocalDate d : new LocalDate[] {from, last}) {
                if (d != null && d.isBefore(inception)) {
                    throw new IllegalArgumentException((d == from ? "--from " : "--to ") + d + " is before the inception "
                            + inception + " of " + portfolio + "; rules diff replays the live portfolio from there (use"
                            + " 'backtest --rules' to compare rule sets over earlier years)");
                }
            }
            RuleSetReplay replay = RuleSetReplay.fromStore(app.stores(), portfolio, last);
            LocalDate first = from;
            if (first == null) {
                List<LocalDate> days = replay.lastTradingDays(DEFAULT_DAYS);
                first = days.isEmpty() ? last : days.get(0);
            }
            PrintWriter out = spec.commandLine().getOut();
            List<LocalDate> days = replay.tradingDays(first, last);
            out.println(f("Replaying %s over %d trading days %s..%s: A = %s (%s), B = %s (%s); nothing is stored",
                    portfolio, days.size(), first, last, store.rules, a.ruleSetHash(), against, b.ruleSetHash()));
            int[] differing = {0};
            replay.replay(first, last, List.of(new Cycle(a), new Cycle(b)), "rules-diff", (day, records) -> {
                String diff = diff(records.get(0), records.get(1));
                if (diff != null) {
                    differing[0]++;
                    out.print(diff);
                }
            });
            out.println(f("%d of %d days differ", differing[0], days.size()));
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** The lines describing how two decisions on one day differ, or null when they agree. */
    static String diff(CycleRecord a, CycleRecord b) {
        List<String> fields = new ArrayList<>();
        if (a.monitor().regime().regime() != b.monitor().regime().regime()) {
            fields.add("regime");
        }
        if (a.monitor().verdict() != b.monitor().verdict()) {
            fields.add("verdict");
        }
        if (!String.valueOf(chosen(a)).equals(String.valueOf(chosen(b)))) {
            fields.add("chosen");
        }
        if (!String.valueOf(timing(a)).equals(String.valueOf(timing(b)))) {
            fields.add("timing");
        }
        if (a.decision().tradeCount() != b.decision().tradeCount()) {
            fields.add("trades");
        }
        if (fields.isEmpty()) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        s.append(f("%s  differs in %s%n", a.asOf(), String.join(", ", fields)));
        s.append("            A: ").append(summary(a)).append('\n');
        s.append("            B: ").append(summary(b)).append('\n');
        Set<String> ra = names(a);
        Set<String> rb = names(b);
        Set<String> onlyA = new LinkedHashSet<>(ra);
        onlyA.removeAll(rb);
        Set<String> onlyB = new LinkedHashSet<>(rb);
        onlyB.removeAll(ra);
        if (!onlyA.isEmpty()) {
            s.append("            fired only in A: ").append(String.join("; ", onlyA)).append('\n');
        }
        if (!onlyB.isEmpty()) {
            s.append("            fired only in B: ").append(String.join("; ", onlyB)).append('\n');
        }
        return s.toString();
    }

    static String summary(CycleRecord r) {
        return f("%s %s %s %s, %d trades", r.monitor().regime().regime(), r.monitor().verdict(), chosen(r), timing(r),
                r.decision().tradeCount());
    }

    private static String chosen(CycleRecord r) {
        return r.decision().chosen() == null ? "-" : r.decision().chosen().type().name();
    }

    private static String timing(CycleRecord r) {
        return r.decision().timing() == null ? "-" : r.decision().timing().timing().name();
    }

    private static Set<String> names(CycleRecord r) {
        Set<String> out = new LinkedHashSet<>();
        r.firedRules().forEach(x -> out.add(x.rule()));
        return out;
    }
}
