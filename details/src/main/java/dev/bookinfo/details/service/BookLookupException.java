package dev.bookinfo.details.service;

/**
 * An expected failure of the external book service (Google down, slow, or answering nonsense). The message is
 * one line, fit for the client's error body and the log; there is no stack trace to print.
 */
public class BookLookupException extends RuntimeException {

    public BookLookupException(String message) {
        super(message, null, false, false);
    }
}
