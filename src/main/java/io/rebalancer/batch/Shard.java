package io.rebalancer.batch;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * One of {@code count} disjoint parts of the book, so that several processes (or Spark tasks) can each run the
 * nightly batch of their part over one shared store: an account belongs to shard {@code CRC-32(id) mod count}.
 * CRC-32 of the UTF-8 id is fixed by its specification, so every process, JVM and machine agrees on the split, and
 * the {@code count} shards together cover every account exactly once.
 */
public record Shard(int index, int count) {
    /** The whole book. */
    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1) {
            throw new IllegalArgumentException("the shard count must be at least 1, was " + count);
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("the shard index must be in 0.." + (count - 1) + ", was " + index);
        }
    }

    public static Shard of(int index, int count) {
        return new Shard(index, count);
    }

    /** Parses {@code K/N} (K in 0..N-1), e.g. {@code 2/8}. */
    public static Shard parse(String text) {
        Objects.requireNonNull(text, "text");
        String usage = "a shard is K/N with K in 0..N-1 (e.g. 0/4), was '" + text + "'";
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            throw new IllegalArgumentException(usage);
        }
        int index;
        int count;
        try {
            index = Integer.parseInt(text.substring(0, slash).trim());
            count = Integer.parseInt(text.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(usage);
        }
        try {
            return new Shard(index, count);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(usage + ": " + e.getMessage());
        }
    }

    public boolean contains(String accountId) {
        if (count == 1) {
            return true;
        }
        CRC32 crc = new CRC32();
        crc.update(accountId.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % count == index;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
