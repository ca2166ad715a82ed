package io.rebalancer.service;

/** An execution or order for a portfolio marked do-not-trade. */
public final class DoNotTradeException extends RuntimeException {
    public DoNotTradeException(String message) {
        super(message);
    }
}
