package dev.clod.gateway.energy;

/**
 * A price trace could not be read: the message names the source, the line (1 is the header) and
 * what is wrong with it.
 */
public final class TraceFormatException extends RuntimeException {

    private final String source;
    private final int lineNumber;
    private final String problem;

    public TraceFormatException(String source, int lineNumber, String problem) {
        super(source + " line " + lineNumber + ": " + problem);
        this.source = source;
        this.lineNumber = lineNumber;
        this.problem = problem;
    }

    /** The name of the file or stream being read. */
    public String source() {
        return source;
    }

    /** The 1-based line number of the bad line. */
    public int lineNumber() {
        return lineNumber;
    }

    /** What is wrong, without the source and line. */
    public String problem() {
        return problem;
    }
}
