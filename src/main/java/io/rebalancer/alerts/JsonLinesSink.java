package io.rebalancer.alerts;

import io.rebalancer.domain.Alert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends each alert as one line of JSON to a file (created with its directories when missing). */
public final class JsonLinesSink implements AlertSink {
    private final Path file;

    public JsonLinesSink(Path file) {
        this.file = file;
    }

    @Override
    public synchronized void send(Alert a) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        // one write of the whole line in append mode, so concurrent writers never interleave within a line
        Files.write(file, (AlertJson.line(a) + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    @Override
    public String name() {
        return "file " + file;
    }
}
