package dev.bookinfo.productpage.service;

/**
 * What one logical backend call produced: the HTTP status and body, or status 500 when no response
 * arrived (connection error or timeout), as upstream counts and mirrors it.
 *
 * @param status the backend's status, or 500 without a response
 * @param body the body of a 200 response; {@code null} otherwise (other bodies are never used)
 * @param failure a one-line reason when there was no response, for the log
 */
public record BackendResult(int status, String body, String failure) {

    /** The status mirrored to API clients when the backend gave no response. */
    public static final int NO_RESPONSE = 500;

    public static BackendResult response(int status, String body) {
        return new BackendResult(status, body, null);
    }

    public static BackendResult noResponse(String failure) {
        return new BackendResult(NO_RESPONSE, null, failure);
    }

    /** Upstream's success test: status 200, nothing else. */
    public boolean ok() {
        return status == 200;
    }

    /** Why the call failed, for one log line. */
    public String reason() {
        return failure != null ? failure : "HTTP " + status;
    }
}
