package io.rebalancer.rules.drools;
import java.nio.file.*; import java.util.*;
public class InjScratch {
    public static void main(String[] a) throws Exception {
        for (String d : a) {
        RuleFiles f = RuleFiles.scan(Path.of(d));
        Map<Path,String> t = new LinkedHashMap<>();
        for (Path p : f.tables()) t.put(p, DecisionTables.toDrl(p));
        long t0 = System.nanoTime();
        var b = ExecutableRuleModel.build(f, t);
        long t1 = System.nanoTime();
        if (!b.ok()) { System.out.println(d + " build errors " + b.errors()); continue; }
        var e = ExecutableRuleModel.unzip(b.jar());
        long t2 = System.nanoTime();
        var probs = RuleSandbox.check(e);
        long t3 = System.nanoTime();
        System.out.println(d + ": build " + (t1-t0)/1e6 + " ms, check " + (t3-t2)/1e6 + " ms");
        probs.forEach(p -> System.out.println("  " + p));
        }
    }
}
