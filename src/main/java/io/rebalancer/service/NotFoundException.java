package io.rebalancer.service;

/** Something the user named does not exist: a portfolio, a decision, a run, a price on a date. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
