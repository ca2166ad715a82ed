package io.rebalancer.store.mongo;

import io.rebalancer.store.StoreBusyException;
import io.rebalancer.store.StoreException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Guards the embedded H2 store file: an exclusive OS lock on {@code rebalancer.mv.lock} beside it (released by
 * the OS if the process dies) naming the holder, and a seal {@code rebalancer.mv.seal} written at every clean
 * close with the file's size. A file shorter or longer than its seal was cut or overwritten: it is refused
 * before H2 opens it, so it is never read as an empty store nor written over. After a crash there is no seal, and
 * only H2's own header checks apply.
 */
final class EmbeddedStoreFile {
    private final Path file;
    private final Path seal;
    private final FileChannel channel;
    private final FileLock lock;

    private EmbeddedStoreFile(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.seal = sibling(file, ".seal");
        this.channel = channel;
        this.lock = lock;
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    /** Takes the lock and checks the file; throws {@link StoreBusyException} or {@link StoreException}. */
    static EmbeddedStoreFile open(Path file) {
        Path lockFile = sibling(file, ".lock");
        if (Files.exists(file) && (!Files.isWritable(file) || !Files.isWritable(file.toAbsolutePath().getParent()))) {
            throw new StoreException("embedded store " + file + " is read-only; rebalancer needs to write it (use"
                    + " --data-dir with a writable directory, or --in-memory)");
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StoreException("cannot open the lock file " + lockFile + " of the embedded store: "
                    + e.getMessage(), e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new StoreBusyException("embedded store " + file + " is already open in this process");
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("cannot lock the embedded store " + file + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            String holder = holder(lockFile);
            closeQuietly(channel);
            throw new StoreBusyException("embedded store " + file + " is in use by " + holder
                    + "; wait for it to finish (a long backtest can take minutes)");
        }
        EmbeddedStoreFile guard = new EmbeddedStoreFile(file, channel, lock);
        try {
            guard.writeHolder();
            guard.checkSeal();
        } catch (RuntimeException e) {
            guard.release();
            throw e;
        }
        return guard;
    }

    private void writeHolder() {
        String host = System.getenv("HOSTNAME");
        String text = "process " + ProcessHandle.current().pid() + (host == null || host.isBlank() ? "" : " on " + host)
                + " since " + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\n";
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
        } catch (IOException e) {
            throw new StoreException("cannot write the lock file of the embedded store " + file + ": " + e.getMessage(), e);
        }
    }

    private static String holder(Path lockFile) {
        try {
            String text = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "another process" : text;
        } catch (IOException e) {
            return "another process";
        }
    }

    /** Refuses a file whose size is not the one sealed at the last clean close; then unseals it while open. */
    private void checkSeal() {
        if (!Files.exists(seal)) {
            return;
        }
        try {
            String text = Files.readString(seal, StandardCharsets.UTF_8).strip();
            long sealed = Long.parseLong(text.replaceFirst("^size=", ""));
            long actual = Files.exists(file) ? Files.size(file) : -1;
            if (actual != sealed) {
                throw new StoreException("embedded store " + file + " is damaged: it is " + (actual < 0 ? "missing"
                        : actual + " bytes") + " but was " + sealed + " bytes when last closed (cut short or"
                        + " overwritten); it was not opened or changed. Restore it from a backup, or move it away"
                        + " to start afresh");
            }
            Files.delete(seal);
        } catch (IOException | NumberFormatException e) {
            throw new StoreException("cannot read the seal " + seal + " of the embedded store: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a file that exists but holds no collection H2 can read (cut short to its header, or emptied, with no
     * seal to compare against, as after a crash): H2 would open it as a new store and the seed would write over
     * whatever a backup or a repair could still give back. Only a missing file is a new store.
     */
    void refuseIfItHoldsNothing() {
        if (!Files.exists(file)) {
            return;
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new StoreException("cannot read the embedded store " + file + ": " + e.getMessage(), e);
        }
        boolean empty;
        if (size == 0) {
            empty = true;
        } else {
            try (org.h2.mvstore.MVStore store = new org.h2.mvstore.MVStore.Builder().fileName(file.toString())
                    .readOnly().open()) {
                empty = store.getMapNames().isEmpty();
            } catch (RuntimeException e) {
                return; // damaged in a way H2 itself reports, with the file left as it is
            }
        }
        if (empty) {
            throw new StoreException("embedded store " + file + " is " + size + " bytes and holds no data (cut short"
                    + " or emptied); it was not opened or changed. Restore it from a backup, or move it away to start"
                    + " afresh");
        }
    }

    /** After a clean close of the store: seals the file's size and releases the lock. */
    void sealAndRelease() {
        try {
            if (Files.exists(file)) {
                Path tmp = sibling(file, ".seal.tmp");
                Files.writeString(tmp, "size=" + Files.size(file) + "\n", StandardCharsets.UTF_8);
                Files.move(tmp, seal, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            // without a seal the next open relies on H2's own checks, as after a crash
        } finally {
            release();
        }
    }

    /** Releases the lock without sealing (the store was not opened, or did not close cleanly). */
    void release() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel c) {
        try {
            c.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
