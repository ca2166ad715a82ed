package io.rebalancer.rules.drools;

import org.kie.api.KieServices;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Everything a compiled rule set depends on: the bytes of the rule files, the Drools version, the Java feature
 * release, the classes the rules are written against (the fact and domain types) and the classes that check and
 * build them (this package: the name check, lint and sandbox a cached build passed). Two builds with equal keys
 * produce the same rules and pass the same checks, so a cached build can stand in for a compile.
 *
 * @param ruleFiles SHA-256 over the rule files' names and bytes (hex)
 * @param drools    the Drools version that compiled them
 * @param javaRelease the Java feature release
 * @param factTypes SHA-256 over the class files of the fact and domain packages and of this package (hex)
 */
public record RuleBuildKey(String ruleFiles, String drools, int javaRelease, String factTypes) {
    /** Class-file folders the generated rule code links against, and the one whose checks a cached build passed. */
    private static final List<String> FACT_PACKAGES = List.of("io/rebalancer/domain/", "io/rebalancer/rules/facts/",
            "io/rebalancer/rules/drools/");

    public RuleBuildKey {
        Objects.requireNonNull(ruleFiles, "ruleFiles");
        Objects.requireNonNull(drools, "drools");
        Objects.requireNonNull(factTypes, "factTypes");
    }

    public static RuleBuildKey of(RuleFiles files) {
        return new RuleBuildKey(files.fullHash(), droolsVersion(), Runtime.version().feature(), FactTypes.FINGERPRINT);
    }

    /** What a build depends on besides the rule files: Drools version, Java release, fact classes. */
    static String environment() {
        return droolsVersion() + "|" + Runtime.version().feature() + "|" + FactTypes.FINGERPRINT;
    }

    /** A file-name-safe identifier of the key. */
    public String id() {
        return sha256((ruleFiles + "|" + drools + "|" + javaRelease + "|" + factTypes).getBytes(StandardCharsets.UTF_8))
                .substring(0, 32);
    }

    private static String droolsVersion() {
        String v = KieServices.class.getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fingerprint of this build's fact classes, worked out once per process. */
    private static final class FactTypes {
        static final String FINGERPRINT = fingerprint();

        private static String fingerprint() {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                CodeSource source = RuleBuildKey.class.getProtectionDomain().getCodeSource();
                Path location = Path.of(source.getLocation().toURI());
                if (Files.isDirectory(location)) {
                    for (String pkg : FACT_PACKAGES) {
                        Path dir = location.resolve(pkg);
                        if (!Files.isDirectory(dir)) {
                            continue;
                        }
                        try (Stream<Path> classes = Files.walk(dir)) {
                            for (Path c : classes.filter(Files::isRegularFile).sorted().toList()) {
                                update(sha, location.relativize(c).toString().replace('\\', '/'), Files.readAllBytes(c));
                            }
                        }
                    }
                } else {
                    try (JarFile jar = new JarFile(location.toFile())) {
                        List<JarEntry> entries = jar.stream()
                                .filter(e -> FACT_PACKAGES.stream().anyMatch(e.getName()::startsWith) && !e.isDirectory())
                                .sorted(Comparator.comparing(JarEntry::getName)).toList();
                        for (JarEntry e : entries) {
                            try (InputStream in = jar.getInputStream(e)) {
                                update(sha, e.getName(), in.readAllBytes());
                            }
                        }
                    }
                }
                return HexFormat.of().formatHex(sha.digest());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the fact classes to fingerprint the rule build", e);
            } catch (NoSuchAlgorithmException | URISyntaxException | RuntimeException e) {
                // no way to tell which classes the rules link against: never reuse a build from another process
                return "unfingerprinted-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
            }
        }

        private static void update(MessageDigest sha, String name, byte[] bytes) {
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(bytes);
            sha.update((byte) 0);
        }
    }
}
