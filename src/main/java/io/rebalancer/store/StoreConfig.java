package io.rebalancer.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Which database to open: an embedded MongoDB-wire server backed by a file ({@link #embeddedFile}), a throw-away
 * store in memory ({@link #inMemory}), or a real MongoDB ({@link #uri}). {@code store.open.StoreOpener} serves the
 * in-memory kind with the plain-Java {@code store.memory} store; {@code MongoStores.open} serves it with the wire
 * server's memory backend, which {@link #description()} describes. {@link #toString()} never shows a password.
 */
public record StoreConfig(Kind kind, Path dataDir, String uri) {
    /** File name of the embedded store inside the data directory. */
    public static final String EMBEDDED_FILE_NAME = "rebalancer.mv";
    public static final String ENV_URI = "MONGODB_URI";
    public static final String ENV_HOME = "REBALANCER_HOME";

    public enum Kind { EMBEDDED_FILE, IN_MEMORY, URI }

    public StoreConfig {
        Objects.requireNonNull(kind, "kind");
        switch (kind) {
            case EMBEDDED_FILE -> {
                Objects.requireNonNull(dataDir, "dataDir");
                if (uri != null) {
                    throw new IllegalArgumentException("an embedded store takes no URI");
                }
            }
            case IN_MEMORY -> {
                if (dataDir != null || uri != null) {
                    throw new IllegalArgumentException("an in-memory store takes no data dir or URI");
                }
            }
            case URI -> {
                if (uri == null || uri.isBlank()) {
                    throw new IllegalArgumentException("MongoDB URI must not be blank");
                }
                if (!uri.startsWith("mongodb://") && !uri.startsWith("mongodb+srv://")) {
                    throw new IllegalArgumentException("MongoDB URI must start with mongodb:// or mongodb+srv://, was '"
                            + maskUri(uri) + "'");
                }
                if (dataDir != null) {
                    throw new IllegalArgumentException("a MongoDB URI store takes no data dir");
                }
            }
        }
    }

    public static StoreConfig embeddedFile(Path dataDir) {
        return new StoreConfig(Kind.EMBEDDED_FILE, dataDir, null);
    }

    public static StoreConfig inMemory() {
        return new StoreConfig(Kind.IN_MEMORY, null, null);
    }

    public static StoreConfig uri(String mongoUri) {
        return new StoreConfig(Kind.URI, null, mongoUri == null ? null : mongoUri.trim());
    }

    /**
     * Resolves, first match wins: {@code uriOption} (--mongo-uri), {@code dataDirOption} (--data-dir), env
     * MONGODB_URI, env REBALANCER_HOME, {@code $XDG_DATA_HOME/rebalancer}, {@code ~/.local/share/rebalancer}. An
     * option on the command line beats the environment, so {@code --data-dir} is never redirected to a MongoDB.
     * Null or blank options count as absent.
     */
    public static StoreConfig fromEnvironment(String uriOption, Path dataDirOption) {
        return fromEnvironment(uriOption, dataDirOption, System::getenv, Path.of(System.getProperty("user.home")));
    }

    /** As {@link #fromEnvironment(String, Path)} with the environment and home directory given (for tests). */
    public static StoreConfig fromEnvironment(String uriOption, Path dataDirOption, Map<String, String> env,
            Path userHome) {
        return fromEnvironment(uriOption, dataDirOption, env::get, userHome);
    }

    private static StoreConfig fromEnvironment(String uriOption, Path dataDirOption, Function<String, String> env,
            Path userHome) {
        if (present(uriOption)) {
            return uri(uriOption);
        }
        if (dataDirOption != null) {
            return embeddedFile(dataDirOption);
        }
        if (present(env.apply(ENV_URI))) {
            return uri(env.apply(ENV_URI));
        }
        if (present(env.apply(ENV_HOME))) {
            return embeddedFile(Path.of(env.apply(ENV_HOME).trim()));
        }
        if (present(env.apply("XDG_DATA_HOME"))) {
            return embeddedFile(Path.of(env.apply("XDG_DATA_HOME").trim(), "rebalancer"));
        }
        return embeddedFile(userHome.resolve(".local").resolve("share").resolve("rebalancer"));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** The embedded store's file ({@code dataDir/rebalancer.mv}); only for {@link Kind#EMBEDDED_FILE}. */
    public Path embeddedFilePath() {
        if (kind != Kind.EMBEDDED_FILE) {
            throw new IllegalStateException("not an embedded file store: " + this);
        }
        return dataDir.resolve(EMBEDDED_FILE_NAME);
    }

    /** Human-readable and safe to print. */
    public String description() {
        return switch (kind) {
            case EMBEDDED_FILE -> "embedded MongoDB-wire store at " + embeddedFilePath().toAbsolutePath();
            case IN_MEMORY -> "embedded in-memory MongoDB-wire store";
            case URI -> "MongoDB at " + maskUri(uri);
        };
    }

    @Override
    public String toString() {
        return "StoreConfig[" + description() + "]";
    }

    /** Query options whose values are secrets: {@code authMechanismProperties=AWS_SESSION_TOKEN:...} and the like. */
    private static final java.util.regex.Pattern SECRET_OPTION = java.util.regex.Pattern.compile(
            "(?i)([?&;](?:authMechanismProperties|[a-z]*password|[a-z]*secret[a-z]*|[a-z]*token[a-z]*|"
                    + "awsSessionToken|sslClientCertificateKeyPassword)=)[^&;#\\s'\"]*");
    /** Any {@code scheme://...} in a text, up to white space or a quote. */
    private static final java.util.regex.Pattern ANY_URI = java.util.regex.Pattern.compile(
            "[A-Za-z][A-Za-z0-9+.-]*://[^\\s'\"]+");

    /**
     * {@code mongodb://user:secret@host/db?authMechanismProperties=AWS_SESSION_TOKEN:x} becomes
     * {@code mongodb://user:***@host/db?authMechanismProperties=***}.
     */
    public static String maskUri(String uri) {
        if (uri == null) {
            return null;
        }
        if (!uri.regionMatches(true, 0, "mongodb", 0, "mongodb".length())) {
            return maskWebAddress(uri);
        }
        return SECRET_OPTION.matcher(maskUserInfo(uri)).replaceAll("$1***");
    }

    /**
     * Any other address (a webhook's, a price source's) keeps its scheme, host and port only: its user info, path and
     * query become {@code ***}, since webhook services carry their secrets in any of them
     * ({@code https://hooks.example.org/services/T0/B0/SECRET}, {@code ?sig=...}, {@code https://TOKEN@host}).
     */
    private static String maskWebAddress(String uri) {
        int scheme = uri.indexOf("://");
        if (scheme < 0) {
            return uri;
        }
        int start = scheme + 3;
        int end = start;
        while (end < uri.length() && "/?#".indexOf(uri.charAt(end)) < 0) {
            end++;
        }
        String authority = uri.substring(start, end);
        int at = authority.lastIndexOf('@');
        String host = at < 0 ? authority : "***@" + authority.substring(at + 1);
        String rest = uri.substring(end);
        String tail = rest.isEmpty() || rest.equals("/") ? rest : rest.charAt(0) + "***";
        return uri.substring(0, start) + host + tail;
    }

    /**
     * Every URI in {@code text} masked as {@link #maskUri} does, wherever it stands (an argument picocli did not
     * expect, an option name mistyped, a driver message).
     */
    public static String maskUris(String text) {
        if (text == null) {
            return null;
        }
        java.util.regex.Matcher m = ANY_URI.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(maskUri(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String maskUserInfo(String uri) {
        int scheme = uri.indexOf("://");
        if (scheme < 0) {
            return uri.contains("@") ? "***@" + uri.substring(uri.lastIndexOf('@') + 1) : uri;
        }
        int start = scheme + 3;
        int query = uri.indexOf('?', start);
        int end = query < 0 ? uri.length() : query;
        int at = uri.lastIndexOf('@', end - 1);
        if (at < start) {
            return uri;
        }
        String userInfo = uri.substring(start, at);
        int colon = userInfo.indexOf(':');
        String masked = colon < 0 ? userInfo : userInfo.substring(0, colon) + ":***";
        return uri.substring(0, start) + masked + uri.substring(at);
    }

    /** The password in the URI, or null; used to scrub driver messages before they reach a user. */
    public static String passwordOf(String uri) {
        if (uri == null) {
            return null;
        }
        String masked = maskUserInfo(uri);
        if (masked.equals(uri)) {
            return null;
        }
        int scheme = uri.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        int userEnd = uri.indexOf(':', start);
        int at = masked.indexOf(":***@", start);
        // uri = prefix + user + ':' + password + '@' + rest; masked = prefix + user + ":***@" + rest
        String rest = masked.substring(at + 5);
        return uri.substring(userEnd + 1, uri.length() - rest.length() - 1);
    }
}
