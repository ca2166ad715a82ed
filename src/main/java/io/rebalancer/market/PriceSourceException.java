package io.rebalancer.market;

/** A price source could not be reached or answered with something other than prices. */
public final class PriceSourceException extends RuntimeException {
    public PriceSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
