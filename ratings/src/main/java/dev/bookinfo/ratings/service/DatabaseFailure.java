package dev.bookinfo.ratings.service;

/**
 * A v2 read that failed, carrying the answer upstream gives for it (status and error text differ between the
 * MongoDB and MySQL paths of upstream's {@code samples/bookinfo/src/ratings/ratings.js}). The message is the cause
 * for the log; no stack trace is kept, a database being down is expected.
 */
public final class DatabaseFailure extends RuntimeException {

    private final int status;
    private final String error;

    DatabaseFailure(int status, String error, String cause) {
        super(cause, null, false, false);
        this.status = status;
        this.error = error;
    }

    /** The HTTP status to answer with. */
    public int status() {
        return status;
    }

    /** The text of the {@code {"error":...}} body. */
    public String error() {
        return error;
    }

    /** The innermost cause of a driver exception, in one line. */
    static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String name = cause.getClass().getSimpleName();
        if (cause.getMessage() == null) {
            return name;
        }
        String message = cause.getMessage().strip().replaceAll("\\s+", " ");
        // The MongoDB driver appends its whole view of the cluster; the first part says what happened.
        return name + ": " + (message.length() > 240 ? message.substring(0, 240) + "..." : message);
    }
}
