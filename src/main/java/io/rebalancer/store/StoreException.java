package io.rebalancer.store;

/** A storage failure or a store-level rule violation. The message is safe to print (no credentials). */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
