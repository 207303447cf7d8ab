package dev.bookinfo.common.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * What one logger (and the loggers below it) writes while a test runs: from {@link #of} until {@link #close}. Each
 * record keeps the log context (MDC) of the moment it was written, which is read on the thread that writes it.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture(Logger logger) {
        this.logger = logger;
    }

    /** Starts capturing {@code loggerName} ({@code ""}: every logger). */
    public static LogCapture of(String loggerName) {
        LogCapture capture = new LogCapture(Logger.getLogger(loggerName));
        capture.logger.addHandler(capture);
        return capture;
    }

    /** The records so far, oldest first. */
    public List<ExtLogRecord> records() {
        return List.copyOf(records);
    }

    /** The records so far at {@code level} or above. */
    public List<ExtLogRecord> atLeast(Level level) {
        return records.stream()
                .filter(record -> record.getLevel().intValue() >= level.intValue())
                .toList();
    }

    /**
     * The records so far at {@code level} or above as {@code "LEVEL logger: message"}, to compare with a list (an
     * empty one: nothing at that level) and to show in an assertion's message.
     */
    public List<String> linesAtLeast(Level level) {
        return atLeast(level).stream()
                .map(record -> record.getLevel() + " " + record.getLoggerName() + ": " + record.getFormattedMessage())
                .toList();
    }

    @Override
    public void publish(LogRecord record) {
        ExtLogRecord logged = ExtLogRecord.wrap(record);
        logged.copyMdc();
        records.add(logged);
    }

    @Override
    public void flush() {}

    /** Stops capturing; the records stay readable. */
    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
