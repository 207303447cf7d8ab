package dev.bookinfo.ratings.service;

import dev.bookinfo.ratings.config.RatingsConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.mysqlclient.MySQLException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * v2 on MySQL: {@code SELECT Rating FROM ratings} in database {@code test}, the first row for Reviewer1 and the
 * second for Reviewer2, as in upstream's {@code ratings.js}. Upstream opened a connection per request; this keeps a
 * small pool (see the module README for why), with a bounded wait for a connection.
 */
final class MySqlRatings implements RatingsDatabase.Backend {

    /** Upstream answers this one with status 200 (see the module README); reviews then shows the ratings error. */
    static final String CONNECT_ERROR = "could not connect to ratings database";

    static final String SELECT_ERROR = "could not perform select";
    /** Upstream's query, limited to the two rows it reads. */
    static final String SELECT = "SELECT Rating FROM ratings LIMIT 2";

    private final Pool pool;
    private final String where;
    private final Duration connectTimeout;
    private final Duration queryTimeout;

    MySqlRatings(Vertx vertx, String host, int port, String user, String password, RatingsConfig.Database config) {
        this.connectTimeout = config.connectTimeout();
        this.queryTimeout = config.queryTimeout();
        MySQLConnectOptions connect = new MySQLConnectOptions()
                .setHost(host)
                .setPort(port)
                .setUser(user)
                .setPassword(password)
                .setDatabase("test")
                .setConnectTimeout((int) connectTimeout.toMillis());
        PoolOptions options = new PoolOptions()
                .setMaxSize(config.poolSize())
                // Requests beyond this many waiting for a connection fail at once instead of queueing without end.
                .setMaxWaitQueueSize(64)
                .setConnectionTimeout((int) connectTimeout.toMillis())
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
                // Connections the database may already have dropped (wait_timeout, restarts) are not kept for long.
                .setIdleTimeout(60)
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setPoolCleanerPeriod(15_000);
        this.pool = MySQLBuilder.pool()
                .with(options)
                .connectingTo(connect)
                .using(vertx)
                .build();
        this.where = host + ":" + port + ", database test, table ratings, user " + user + " (pool of "
                + config.poolSize() + ", connect timeout " + connectTimeout.toMillis() + " ms)";
    }

    @Override
    public Uni<DatabaseRatings> read() {
        return Uni.createFrom().deferred(() -> {
            Future<SqlConnection> connecting = pool.getConnection();
            return Uni.createFrom()
                    .completionStage(connecting.toCompletionStage())
                    .ifNoItem()
                    .after(connectTimeout)
                    .failWith(() -> {
                        // A handshake that never completes: whatever connection arrives later goes back to the pool.
                        connecting.onSuccess(SqlConnection::close);
                        return new TimeoutException("no connection after " + connectTimeout.toMillis() + " ms");
                    })
                    .onFailure()
                    .transform(failure -> new DatabaseFailure(200, CONNECT_ERROR, DatabaseFailure.describe(failure)))
                    .flatMap(this::select);
        });
    }

    private Uni<DatabaseRatings> select(SqlConnection connection) {
        Future<RowSet<Row>> rows = connection.query(SELECT).execute().onComplete(done -> connection.close());
        return Uni.createFrom()
                .completionStage(rows.toCompletionStage())
                .ifNoItem()
                .after(queryTimeout)
                .failWith(() -> new TimeoutException("no rows after " + queryTimeout.toMillis() + " ms"))
                .onFailure()
                .transform(MySqlRatings::classify)
                .map(MySqlRatings::ratings);
    }

    /**
     * An error the server reports (no such table, no privilege) is a failed select. A connection that breaks on the
     * way (the server stopped since the connection was pooled) is what a per-request connection would have seen as
     * a failed connect.
     */
    private static Throwable classify(Throwable failure) {
        if (failure instanceof MySQLException || failure instanceof TimeoutException) {
            return new DatabaseFailure(500, SELECT_ERROR, DatabaseFailure.describe(failure));
        }
        return new DatabaseFailure(200, CONNECT_ERROR, DatabaseFailure.describe(failure));
    }

    private static DatabaseRatings ratings(RowSet<Row> rows) {
        Iterator<Row> iterator = rows.iterator();
        int first = iterator.hasNext() ? rating(iterator.next(), 1) : 0;
        int second = iterator.hasNext() ? rating(iterator.next(), 2) : 0;
        return new DatabaseRatings(first, second);
    }

    private static int rating(Row row, int number) {
        Object value = row.getValue(0);
        Integer stars = DatabaseRatings.stars(value);
        if (stars == null) {
            throw new DatabaseFailure(
                    500,
                    SELECT_ERROR,
                    "row " + number + " of test.ratings has no whole-number Rating: "
                            + (value == null ? "NULL" : value.getClass().getSimpleName() + " " + value));
        }
        return stars;
    }

    @Override
    public String describe() {
        return "Ratings v2 read MySQL at " + where;
    }

    @Override
    public void close() {
        pool.close();
    }
}
