package io.rebalancer.testsupport;

/** MongoDB URIs for the tests that use a real server (MONGODB_URI). */
public final class MongoUris {
    private MongoUris() {
    }

    /** The URI with its database replaced; credentials keep authenticating against the original database. */
    public static String withDatabase(String uri, String db) {
        int start = uri.indexOf("://") + 3;
        int q = uri.indexOf('?', start);
        int slash = uri.indexOf('/', start);
        int authorityEnd = slash >= 0 && (q < 0 || slash < q) ? slash : (q < 0 ? uri.length() : q);
        String original = slash == authorityEnd && authorityEnd < uri.length()
                ? uri.substring(authorityEnd + 1, q < 0 ? uri.length() : q) : "";
        String query = q < 0 ? "" : uri.substring(q);
        if (!original.isEmpty() && uri.contains("@") && !query.contains("authSource=")) {
            query = (query.isEmpty() ? "?" : query + "&") + "authSource=" + original;
        }
        return uri.substring(0, authorityEnd) + "/" + db + query;
    }
}
