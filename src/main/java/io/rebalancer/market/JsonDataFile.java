package io.rebalancer.market;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a JSON input file; any failure is a {@link DataFileException} naming the file, the line when known, and why. */
public final class JsonDataFile {
    private JsonDataFile() {
    }

    public static JsonNode read(ObjectMapper mapper, Path path) {
        String file = path.toString();
        try {
            return mapper.readTree(Files.readString(path));
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, 0, "file not found");
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new DataFileException(file, Math.max(0, line), "invalid JSON: " + withoutParserAdvice(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new DataFileException(file, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Jackson's message without its advice to the programmer ("enable JsonReadFeature.X to allow"). */
    static String withoutParserAdvice(String message) {
        return message == null ? "" : message.replaceFirst(":\\s*enable `?JsonReadFeature\\.\\w+`? to allow\\b.*$",
                " (not a JSON value)");
    }
}
