package io.rebalancer.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicFilesTest {
    @TempDir
    Path tmp;

    @Test
    void write_targetIsAFifo_refusedAndTheFifoStays() throws Exception {
        Path fifo = tmp.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AtomicFiles.write(fifo, "{}"));

        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo));
    }

    @Test
    void write_targetIsADirectory_refused() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("out"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AtomicFiles.write(dir, "{}"));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    }

    @Test
    void write_newFile_getsWhatTheUmaskGivesAnyNewFile() throws IOException {
        // the reference: a file opened the ordinary way, mode 0666 less this process's umask
        Path reference = tmp.resolve("reference");
        Files.newOutputStream(reference, StandardOpenOption.CREATE_NEW).close();
        Path out = tmp.resolve("decision.json");

        AtomicFiles.write(out, "{}");

        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(out));
        assertEquals("{}", Files.readString(out));
    }

    @Test
    void write_existingFile_keepsItsPermissions() throws IOException {
        Path out = tmp.resolve("shared.json");
        Files.writeString(out, "old");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r-----"));

        AtomicFiles.write(out, "new");

        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertEquals("new", Files.readString(out));
    }
}
