package io.rebalancer.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compares two exported backtests (metrics.json, nav.csv, decisions.json of {@code reports/RUN-ID}) figure by figure,
 * for a speed-up that must change none: every number equal within 1e-12 (relative above 1), every other value equal,
 * the run id and the cycle ids (hashed from it) ignored. Prints each difference (the first 20) and exits 1 if any.
 * <pre>java -cp "target/classes:target/test-classes:target/lib/*" io.rebalancer.bench.BacktestCompare DIR_A DIR_B</pre>
 */
public final class BacktestCompare {
    private static final double TOLERANCE = 1e-12;

    public static void main(String[] args) throws IOException {
        Path a = Path.of(args[0]);
        Path b = Path.of(args[1]);
        String runA = a.getFileName().toString();
        String runB = b.getFileName().toString();
        List<String> diffs = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String file : List.of("metrics.json", "decisions.json")) {
            String ta = Files.readString(a.resolve(file)).replace(runA, "RUN");
            String tb = Files.readString(b.resolve(file)).replace(runB, "RUN");
            compare(file, json.readTree(ta), json.readTree(tb), diffs);
        }
        List<String> na = Files.readAllLines(a.resolve("nav.csv"));
        List<String> nb = Files.readAllLines(b.resolve("nav.csv"));
        if (na.size() != nb.size()) {
            diffs.add("nav.csv: " + na.size() + " lines vs " + nb.size());
        }
        for (int i = 0; i < Math.min(na.size(), nb.size()); i++) {
            String[] ca = na.get(i).replace(runA, "RUN").split(",", -1);
            String[] cb = nb.get(i).replace(runB, "RUN").split(",", -1);
            for (int j = 0; j < Math.max(ca.length, cb.length); j++) {
                String va = j < ca.length ? ca[j] : "<none>";
                String vb = j < cb.length ? cb[j] : "<none>";
                if (!sameText(va, vb)) {
                    diffs.add("nav.csv line " + (i + 1) + " column " + (j + 1) + ": " + va + " vs " + vb);
                }
            }
        }
        diffs.stream().limit(20).forEach(System.out::println);
        System.out.println(diffs.isEmpty() ? "identical (numbers to " + TOLERANCE + ")" : diffs.size() + " differences");
        System.exit(diffs.isEmpty() ? 0 : 1);
    }

    private static boolean sameText(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return close(Double.parseDouble(a), Double.parseDouble(b));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean close(double x, double y) {
        return x == y || Math.abs(x - y) <= TOLERANCE * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)));
    }

    private static void compare(String path, JsonNode x, JsonNode y, List<String> diffs) {
        if (x.isNumber() && y.isNumber()) {
            if (!close(x.doubleValue(), y.doubleValue())) {
                diffs.add(path + ": " + x + " vs " + y);
            }
        } else if (x.isObject() && y.isObject()) {
            if (!fieldNames(x).equals(fieldNames(y))) {
                diffs.add(path + ": fields " + fieldNames(x) + " vs " + fieldNames(y));
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = x.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("cycle_id")) {
                    continue; // hashed from the run id
                }
                compare(path + "." + e.getKey(), e.getValue(), y.get(e.getKey()), diffs);
            }
        } else if (x.isArray() && y.isArray()) {
            if (x.size() != y.size()) {
                diffs.add(path + ": " + x.size() + " elements vs " + y.size());
                return;
            }
            for (int i = 0; i < x.size(); i++) {
                compare(path + "[" + i + "]", x.get(i), y.get(i), diffs);
            }
        } else if (!x.equals(y)) {
            diffs.add(path + ": " + x + " vs " + y);
        }
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
