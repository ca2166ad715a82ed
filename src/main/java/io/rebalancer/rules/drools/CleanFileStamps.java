package io.rebalancer.rules.drools;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Rule files that compiled without errors, remembered by content so that {@code rules validate} compiles only the
 * files an analyst changed. A file's stamp covers its bytes, the bytes of the DRL files declaring the functions it
 * calls (rules of one package share functions across files), the Drools version, the Java release and the fact
 * classes ({@link RuleBuildKey}); a change to any of them means a new stamp, so the file compiles again. Stamps
 * live in this process and, with a disk cache, in its {@code validated/} folder (a few bytes each).
 */
final class CleanFileStamps {
    private static final Logger LOG = LoggerFactory.getLogger(CleanFileStamps.class);
    private static final ConcurrentMap<String, Integer> IN_PROCESS = new ConcurrentHashMap<>();
    private static final Pattern FUNCTION = Pattern.compile("(?m)^\\s*function\\s+[\\w.<>\\[\\], ]+?\\s+(\\w+)\\s*\\(");
    static final int MAX_STAMPS = 500;

    private final Path dir;
    private final boolean enabled;

    private CleanFileStamps(Path dir, boolean enabled) {
        this.dir = dir;
        this.enabled = enabled;
    }

    /** The stamps that go with a compiled-rule cache: none for a disabled cache, on disk for a disk cache. */
    static CleanFileStamps of(CompiledRuleCache cache) {
        if (!cache.enabled()) {
            return new CleanFileStamps(null, false);
        }
        return new CleanFileStamps(cache.directory().map(d -> d.resolve("validated")).orElse(null), true);
    }

    /**
     * Stamps every file of a set that just built clean (compiled, sandbox and lint passed), so that after an edit
     * {@code rules validate} compiles only the files changed. On disk only beside a writable cache: a read-only one
     * (as {@code --in-memory} runs use) gets stamps for this process alone.
     */
    static void stampAll(RuleFiles files, Map<Path, String> tableDrl, CompiledRuleCache cache) {
        if (!cache.enabled()) {
            return;
        }
        Map<Path, String> text = compiledText(files, tableDrl);
        CleanFileStamps stamps = cache.writable() ? of(cache) : new CleanFileStamps(null, true);
        Map<Path, String> ids = ids(files, text);
        files.all().forEach(p -> stamps.put(ids.get(p), RuleValidator.ruleCount(text.get(p))));
    }

    /** Each file's DRL (a table's generated DRL), or null when a table does not convert. */
    static Map<Path, String> compiledText(RuleFiles files) {
        Map<Path, String> tableDrl = DecisionTables.toDrl(files);
        return tableDrl == null ? null : compiledText(files, tableDrl);
    }

    /** Each file's DRL, the tables' as already converted. */
    private static Map<Path, String> compiledText(RuleFiles files, Map<Path, String> tableDrl) {
        Map<Path, String> text = new LinkedHashMap<>();
        for (Path p : files.drl()) {
            text.put(p, RuleFiles.read(p));
        }
        text.putAll(tableDrl);
        return text;
    }

    /** The stamp id of every file of the set, given the text each file compiles as (a table's generated DRL). */
    static Map<Path, String> ids(RuleFiles files, Map<Path, String> compiledText) {
        Map<String, Path> declaredBy = new LinkedHashMap<>();
        for (Path p : files.drl()) {
            Matcher m = FUNCTION.matcher(compiledText.getOrDefault(p, ""));
            while (m.find()) {
                declaredBy.putIfAbsent(m.group(1), p);
            }
        }
        String environment = RuleBuildKey.environment();
        Map<Path, String> ids = new LinkedHashMap<>();
        for (Path p : files.all()) {
            StringBuilder key = new StringBuilder(environment).append('|').append(files.relative(p).replace('\\', '/'))
                    .append('|').append(sha(compiledText.getOrDefault(p, "")));
            for (Path support : supportOf(p, compiledText, declaredBy)) {
                key.append('|').append(files.relative(support)).append('=').append(sha(compiledText.get(support)));
            }
            ids.put(p, RuleBuildKey.sha256(key.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 32));
        }
        return ids;
    }

    /** The other DRL files declaring a function that {@code file} calls; compiled beside it. */
    static Set<Path> supportOf(Path file, Map<Path, String> compiledText, Map<String, Path> declaredBy) {
        String text = compiledText.getOrDefault(file, "");
        Set<Path> out = new LinkedHashSet<>();
        declaredBy.forEach((name, p) -> {
            if (!p.equals(file) && Pattern.compile("\\b" + Pattern.quote(name) + "\\s*\\(").matcher(text).find()) {
                out.add(p);
            }
        });
        return out;
    }

    /** The other DRL files declaring a function that any of {@code changed} calls. */
    static Set<Path> supportOf(List<Path> changed, RuleFiles files, Map<Path, String> compiledText) {
        Map<String, Path> declaredBy = new LinkedHashMap<>();
        for (Path p : files.drl()) {
            Matcher m = FUNCTION.matcher(compiledText.getOrDefault(p, ""));
            while (m.find()) {
                declaredBy.putIfAbsent(m.group(1), p);
            }
        }
        Set<Path> out = new LinkedHashSet<>();
        for (Path p : changed) {
            out.addAll(supportOf(p, compiledText, declaredBy));
        }
        changed.forEach(out::remove);
        return out;
    }

    /** The number of rules of a file stamped clean, if it was. */
    Optional<Integer> rules(String id) {
        if (!enabled) {
            return Optional.empty();
        }
        Integer n = IN_PROCESS.get(id);
        if (n != null || dir == null) {
            return Optional.ofNullable(n);
        }
        Path f = dir.resolve(id);
        try {
            if (!Files.isRegularFile(f)) {
                return Optional.empty();
            }
            n = Integer.parseInt(Files.readString(f, StandardCharsets.UTF_8).trim());
            IN_PROCESS.putIfAbsent(id, n);
            return Optional.of(n);
        } catch (IOException | NumberFormatException e) {
            LOG.debug("ignoring unreadable validation stamp {}: {}", f, e.toString());
            return Optional.empty();
        }
    }

    /** Records that the file with this id compiled clean with {@code rules} rules. */
    void put(String id, int rules) {
        if (!enabled) {
            return;
        }
        IN_PROCESS.put(id, rules);
        if (dir == null) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "stamp-", ".tmp");
            Files.writeString(tmp, Integer.toString(rules), StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(id), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            prune();
        } catch (IOException e) {
            LOG.debug("cannot keep a validation stamp in {}: {}", dir, e.toString());
        }
    }

    private void prune() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> stamps = new ArrayList<>(s.filter(p -> !p.getFileName().toString().endsWith(".tmp")).toList());
            if (stamps.size() <= MAX_STAMPS) {
                return;
            }
            stamps.sort(Comparator.comparing(CleanFileStamps::modified).reversed());
            for (Path p : stamps.subList(MAX_STAMPS, stamps.size())) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Forgets the in-process stamps, as a new process would (tests). */
    static void forgetProcessMemory() {
        IN_PROCESS.clear();
    }

    private static String sha(String text) {
        return RuleBuildKey.sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
