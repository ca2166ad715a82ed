package io.rebalancer.store.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import io.rebalancer.store.StoreException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonParseException;
import org.bson.json.JsonWriterSettings;

/** Small BSON helpers shared by the adapters: JSON text to documents and back, dates, error translation. */
final class Docs {
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private Docs() {
    }

    /** Parses a JSON object; anything else is a {@link StoreException} naming {@code what}. */
    static Document parseObject(String what, String json) {
        String trimmed = io.rebalancer.store.JsonObjectText.require(what, json);
        try {
            return Document.parse(trimmed);
        } catch (JsonParseException | IllegalArgumentException e) {
            throw new StoreException(what + " is not valid JSON: " + e.getMessage());
        }
    }

    /** The document as relaxed JSON (plain numbers), without the fields named in {@code drop}. */
    static String toJson(Document doc, String... drop) {
        Document copy = new Document(doc);
        for (String key : drop) {
            copy.remove(key);
        }
        return copy.toJson(RELAXED);
    }

    static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static LocalDate date(Document doc, String field) {
        Object value = doc.get(field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.toString());
        } catch (DateTimeParseException e) {
            throw new StoreException("stored field '" + field + "' value '" + value + "' is not a date");
        }
    }

    static double number(Document doc, String field) {
        Object value = doc.get(field);
        if (!(value instanceof Number n)) {
            throw new StoreException("stored field '" + field + "' value '" + value + "' is not a number");
        }
        return n.doubleValue();
    }

    static boolean isDuplicateKey(MongoWriteException e) {
        return e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

    /** Inserts {@code doc} unless a document with its unique key is there: true when it was written. */
    static boolean insertIfAbsent(com.mongodb.client.MongoCollection<Document> collection, Document doc) {
        try {
            collection.insertOne(doc);
            return true;
        } catch (MongoWriteException e) {
            if (isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Runs a store operation, turning driver exceptions into a {@link StoreException} naming the operation. */
    static <T> T guard(String operation, Supplier<T> body) {
        try {
            return body.get();
        } catch (MongoException e) {
            throw new StoreException(operation + " failed: " + e.getClass().getSimpleName() + " "
                    + firstLine(e.getMessage()), e);
        }
    }

    static void guardRun(String operation, Runnable body) {
        guard(operation, () -> {
            body.run();
            return null;
        });
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

}
