package io.rebalancer.store;

/** The embedded store file is held by another process (or another open store in this one). */
public final class StoreBusyException extends StoreException {
    private static final long serialVersionUID = 1L;

    public StoreBusyException(String message) {
        super(message);
    }
}
