package io.rebalancer.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes output files whole or not at all: to a temporary file beside the target, then an atomic move. Only a
 * regular file (or nothing) is replaced: a directory, FIFO, device or socket at the target is refused. A new file
 * gets the permissions the umask gives; a replaced one keeps its own.
 */
public final class AtomicFiles {
    /** What to write into the file. */
    @FunctionalInterface
    public interface Body {
        void write(Writer out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path target, String content) {
        write(target, w -> w.write(content));
    }

    /**
     * Refuses a target that is not a regular file, before any work whose result would be written there.
     *
     * @throws IllegalArgumentException naming the path and what it is
     */
    public static void checkTarget(Path target) {
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            String what = Files.isDirectory(target) ? "a directory" : "not a regular file (a FIFO, device or socket)";
            throw new IllegalArgumentException("will not write " + target + ": it is " + what
                    + "; exports replace only regular files");
        }
    }

    public static void write(Path target, Body body) {
        checkTarget(target);
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(System.nanoTime())
                    + Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt()) + ".tmp");
            try {
                // CREATE_NEW opens with mode 0666 less the umask, as any other tool's output would be
                try (Writer w = new java.io.OutputStreamWriter(new java.io.BufferedOutputStream(Files.newOutputStream(
                        tmp, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)),
                        StandardCharsets.UTF_8)) {
                    body.write(w);
                }
                keepPermissions(target, tmp);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static void keepPermissions(Path target, Path tmp) throws IOException {
        if (Files.isRegularFile(target) && Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
        }
    }
}
