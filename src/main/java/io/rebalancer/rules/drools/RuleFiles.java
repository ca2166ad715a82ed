package io.rebalancer.rules.drools;

import io.rebalancer.rules.RuleProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The rule files of a directory: which compile, which are misnamed, and the rule-set hash. */
public record RuleFiles(Path dir, List<Path> drl, List<Path> tables, List<RuleProblem> misnamed) {

    private static final List<String> TABLE_SUFFIXES = List.of(".drl.xlsx", ".drl.xls", ".drl.csv");
    private static final List<String> SPREADSHEET_SUFFIXES = List.of(".xlsx", ".xls", ".csv", ".ods", ".xlsm");

    /** Copies every file under {@code from} to the same place under {@code to} (replacing what is there). */
    public static void copyDirectory(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** The largest rule file read: the shipped ones are under 10 kB. */
    static final long MAX_BYTES = 2_000_000;

    public static RuleFiles scan(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("rules directory " + dir + " does not exist");
        }
        List<Path> drl = new ArrayList<>();
        List<Path> tables = new ArrayList<>();
        List<RuleProblem> misnamed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            Path realDir = dir.toRealPath();
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                boolean ruleFile = name.endsWith(".drl") || TABLE_SUFFIXES.stream().anyMatch(name::endsWith);
                if (ruleFile && Files.isSymbolicLink(p) && !p.toRealPath().startsWith(realDir)) {
                    // whoever edits the rules must not have the tool read (and quote in errors) files elsewhere
                    misnamed.add(RuleProblem.error(dir.relativize(p).toString(), "", "security: is a link to a file"
                            + " outside the rules directory, which is not read; copy the file in instead"));
                    continue;
                }
                if (ruleFile && Files.size(p) > MAX_BYTES) {
                    // a table of a million rows took minutes and gigabytes to read; no rule file comes near this
                    misnamed.add(RuleProblem.error(dir.relativize(p).toString(), "", String.format(Locale.ROOT,
                            "is %.1f MB; rule files above %d MB are not read", Files.size(p) / 1e6, MAX_BYTES / 1_000_000)));
                    continue;
                }
                if (name.endsWith(".drl")) {
                    drl.add(p);
                } else if (TABLE_SUFFIXES.stream().anyMatch(name::endsWith)) {
                    tables.add(p);
                } else if (SPREADSHEET_SUFFIXES.stream().anyMatch(name::endsWith)) {
                    misnamed.add(RuleProblem.error(dir.relativize(p).toString(), "",
                            "is a spreadsheet but its name does not end in .drl.xlsx, .drl.xls or .drl.csv,"
                                    + " so it would never be compiled; rename it or move it out of the rules directory"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules directory " + dir, e);
        }
        return new RuleFiles(dir, List.copyOf(drl), List.copyOf(tables), List.copyOf(misnamed));
    }

    public List<Path> all() {
        List<Path> out = new ArrayList<>(drl);
        out.addAll(tables);
        out.sort(null);
        return out;
    }

    /** The text of a rule file (UTF-8). */
    static String read(Path file) {
        try {
            return Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule file " + file, e);
        }
    }

    /** Where a rule file goes in a KieFileSystem; a decision table goes there as its generated DRL. */
    String kfsPath(Path file) {
        String path = "src/main/resources/rules/" + relative(file).replace('\\', '/');
        return tables.contains(file) ? path + ".generated.drl" : path;
    }

    public String relative(Path file) {
        return dir.relativize(file).toString();
    }

    /** SHA-256 over every compiled file's relative name and bytes in name order; first 12 hex characters. */
    public String hash() {
        return fullHash().substring(0, 12);
    }

    /** The whole SHA-256 of {@link #hash()}, 64 hex characters. */
    public String fullHash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path p : all()) {
                sha.update(relative(p).replace('\\', '/').getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Files.readAllBytes(p));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule file in " + dir, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
