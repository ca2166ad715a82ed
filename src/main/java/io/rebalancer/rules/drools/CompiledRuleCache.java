package io.rebalancer.rules.drools;

import org.kie.api.KieBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;

/**
 * Compiled rule sets kept by {@link RuleBuildKey}: in this process (every cache shares it) and, when a directory
 * is given, on disk as executable-model jars so the next process skips the compile. A cache entry is written only
 * for a rule set that compiled and linted without errors. An unreadable entry is deleted and rebuilt; a cache
 * directory that cannot be written costs speed, never correctness.
 */
public final class CompiledRuleCache {
    private static final Logger LOG = LoggerFactory.getLogger(CompiledRuleCache.class);
    private static final ConcurrentMap<String, KieBase> IN_PROCESS = new ConcurrentHashMap<>();
    static final int MAX_ENTRIES = 20;
    private static final String SUFFIX = ".rules.jar";

    private final Path dir;
    private final boolean enabled;
    private final boolean writable;

    private CompiledRuleCache(Path dir, boolean enabled, boolean writable) {
        this.dir = dir;
        this.enabled = enabled;
        this.writable = writable;
    }

    /** Keeps compiled rule sets for the life of the process only. */
    public static CompiledRuleCache inProcess() {
        return new CompiledRuleCache(null, true, false);
    }

    /** Keeps compiled rule sets in {@code dir} as well (created on first write). */
    public static CompiledRuleCache at(Path dir) {
        return new CompiledRuleCache(java.util.Objects.requireNonNull(dir, "dir"), true, true);
    }

    /**
     * Finds compiled rule sets in {@code dir} (verified on load as always) but writes, touches and deletes nothing
     * there: what this process compiles it keeps in memory only ({@code --in-memory} runs leave no file behind).
     */
    public static CompiledRuleCache readOnly(Path dir) {
        return new CompiledRuleCache(java.util.Objects.requireNonNull(dir, "dir"), true, false);
    }

    /** Finds nothing and keeps nothing: every load compiles. */
    public static CompiledRuleCache disabled() {
        return new CompiledRuleCache(null, false, false);
    }

    /** False for {@link #disabled()}: nothing is found or kept. */
    public boolean enabled() {
        return enabled;
    }

    /** False for {@link #readOnly} and the memory-only caches: nothing is written to a directory. */
    public boolean writable() {
        return writable && dir != null;
    }

    public Optional<Path> directory() {
        return Optional.ofNullable(dir);
    }

    /** Whether a build for {@code key} is cached, without loading it. */
    public boolean contains(RuleBuildKey key) {
        return enabled && IN_PROCESS.containsKey(key.id()) || (dir != null && Files.isRegularFile(file(key)));
    }

    /** The cached KieBase for {@code key}, loading it from disk if this process has not yet. */
    public Optional<KieBase> find(RuleBuildKey key) {
        if (!enabled) {
            return Optional.empty();
        }
        KieBase base = IN_PROCESS.get(key.id());
        if (base != null || dir == null) {
            return Optional.ofNullable(base);
        }
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            base = ExecutableRuleModel.kieBase(Files.readAllBytes(file));
            IN_PROCESS.putIfAbsent(key.id(), base);
            if (writable) {
                touch(file);
            }
            return Optional.of(base);
        } catch (io.rebalancer.rules.RuleSetException e) {
            // only a file put there by hand gets here: nothing is cached that the sandbox refused
            LOG.warn("deleting compiled rules {}: they call what rules may not ({}); compiling the rules instead",
                    file, e.getMessage());
            if (writable) {
                deleteQuietly(file);
            }
            return Optional.empty();
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.warn("ignoring unreadable compiled rules {} ({}); compiling the rules instead", file, e.toString());
            if (writable) {
                deleteQuietly(file);
            }
            return Optional.empty();
        }
    }

    /** Keeps the jar of a clean build under {@code key} and returns the KieBase made from it. */
    KieBase put(RuleBuildKey key, byte[] jar) {
        KieBase base = ExecutableRuleModel.kieBase(jar);
        if (!enabled) {
            return base;
        }
        IN_PROCESS.put(key.id(), base);
        if (dir != null && writable) {
            write(file(key), jar);
            prune();
        }
        return base;
    }

    /** Forgets what this process loaded, as a new process would (tests). */
    static void forgetProcessMemory() {
        IN_PROCESS.clear();
    }

    Path file(RuleBuildKey key) {
        return dir.resolve(key.id() + SUFFIX);
    }

    private void write(Path file, byte[] jar) {
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "building-", ".tmp");
            Files.write(tmp, jar);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warn("cannot keep the compiled rules in {} ({}); the next process will compile them again", dir, e.toString());
            if (tmp != null) {
                deleteQuietly(tmp);
            }
        }
    }

    /** Keeps the {@value #MAX_ENTRIES} most recently used entries. */
    private void prune() {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> entries = files.filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .sorted(Comparator.comparing(CompiledRuleCache::lastModified).reversed()).toList();
            entries.stream().skip(MAX_ENTRIES).forEach(CompiledRuleCache::deleteQuietly);
        } catch (IOException e) {
            LOG.debug("cannot list {} to prune it: {}", dir, e.toString());
        }
    }

    private static FileTime lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void touch(Path p) {
        try {
            Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            LOG.debug("cannot touch {}: {}", p, e.toString());
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.debug("cannot delete {}: {}", p, e.toString());
        }
    }
}
