package io.rebalancer.store;

/** The check every store makes of a document given as JSON text before parsing it. */
public final class JsonObjectText {
    private JsonObjectText() {
    }

    /**
     * {@code json} stripped, when it is not empty and starts as a JSON object does; otherwise a
     * {@link StoreException} naming {@code what} and how the text starts.
     */
    public static String require(String what, String json) {
        if (json == null || json.isBlank()) {
            throw new StoreException(what + " is empty; a JSON object is required");
        }
        String trimmed = json.strip();
        if (!trimmed.startsWith("{")) {
            throw new StoreException(what + " must be a JSON object, starts with '" + abbreviate(trimmed) + "'");
        }
        return trimmed;
    }

    /** The first 20 characters of {@code s}, and "..." when there is more. */
    public static String abbreviate(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "...";
    }
}
