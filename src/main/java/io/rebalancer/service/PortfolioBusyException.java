package io.rebalancer.service;

/** Another process holds the lease of the portfolio: nothing was read or written. */
public final class PortfolioBusyException extends RuntimeException {
    public PortfolioBusyException(String message) {
        super(message);
    }
}
