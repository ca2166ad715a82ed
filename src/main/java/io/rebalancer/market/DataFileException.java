package io.rebalancer.market;

/**
 * A bad input file. The message starts with {@code FILE:LINE: } (or {@code FILE: } when no line applies) and
 * names the field and value, e.g. {@code prices/AAPL.csv:12: field 'close' value 'abc' is not a number}.
 */
public class DataFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;

    public DataFileException(String file, long line, String problem) {
        this(file, line, problem, null);
    }

    public DataFileException(String file, long line, String problem, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem, cause);
        this.file = file;
        this.line = line;
    }

    /** The file as it was named to the reader. */
    public String file() {
        return file;
    }

    /** 1-based line of the problem, or 0 if it concerns the whole file. */
    public long line() {
        return line;
    }
}
