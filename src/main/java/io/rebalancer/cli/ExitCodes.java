package io.rebalancer.cli;

/** Every exit code the command line returns, in one place. */
public final class ExitCodes {
    public static final int OK = 0;
    /** An unexpected internal error (a bug): rerun with --debug for the stack trace. */
    public static final int INTERNAL = 1;
    /** Bad command-line usage: unknown option, missing or malformed argument (picocli's own code). */
    public static final int USAGE = 2;
    /** A data file or value is invalid: bad CSV row, bad portfolio JSON, bad date. */
    public static final int BAD_INPUT = 3;
    /** Something named does not exist: portfolio, decision, run, price on a date. */
    public static final int NOT_FOUND = 4;
    /** The rules do not compile or fail validation. */
    public static final int RULES = 5;
    /** The store (MongoDB) cannot be reached or refused an operation. */
    public static final int STORE = 6;
    /** A check ran and found failures (golden scenarios, lint findings treated as errors). */
    public static final int CHECK_FAILED = 7;
    /** Another process holds the portfolio's lease (a cycle or an execution is under way). */
    public static final int BUSY = 8;
    /** A price source (Yahoo) cannot be reached or answered with something other than prices. */
    public static final int SOURCE = 9;
    /** A batch ran ({@code run --all}, {@code execute --all}) and some of its portfolios failed; the rest are done. */
    public static final int SOME_FAILED = 10;
    /** An execution or order for a portfolio marked do-not-trade. */
    public static final int DO_NOT_TRADE = 11;

    private ExitCodes() {
    }
}
