package dev.bookinfo.ratings.service;

import dev.bookinfo.ratings.config.RatingsConfig;
import dev.bookinfo.ratings.config.ServiceVersion;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * The database of {@code SERVICE_VERSION=v2}: MySQL when {@code DB_TYPE=mysql}, MongoDB otherwise, as in upstream's
 * {@code samples/bookinfo/src/ratings/ratings.js}. Chosen and announced once at startup; other variants have none.
 * Neither {@code /health} nor readiness look at it: upstream's health never did, and a pod taken out of the Service
 * could not even report that its database is down.
 */
@Startup
@Singleton
public class RatingsDatabase {

    private static final Logger LOG = Logger.getLogger(RatingsDatabase.class);

    /** One way of reading the two ratings. */
    interface Backend extends AutoCloseable {

        /** Reviewer1's and Reviewer2's stars, or a {@link DatabaseFailure}. */
        Uni<DatabaseRatings> read();

        /** Which database, where, for the startup log (never a password). */
        String describe();

        @Override
        void close();
    }

    private final Backend backend;

    public RatingsDatabase(RatingsConfig config, Vertx vertx) {
        if (config.serviceVersion() != ServiceVersion.V2) {
            this.backend = null;
            return;
        }
        RatingsConfig.Database database = config.database();
        if ("mysql".equals(database.type().orElse(""))) {
            RatingsConfig.Mysql mysql = database.mysql();
            String host = mysql.host()
                    .filter(value -> !value.isBlank())
                    .orElseThrow(() -> new ConfigurationException(
                            "SERVICE_VERSION=v2 with DB_TYPE=mysql needs MYSQL_DB_HOST (and MYSQL_DB_PORT, MYSQL_DB_USER, "
                                    + "MYSQL_DB_PASSWORD)"));
            this.backend = new MySqlRatings(
                    vertx, host, mysql.port(), mysql.user(), mysql.password().orElse(""), database);
        } else {
            String url = database.mongoUrl()
                    .filter(value -> !value.isBlank())
                    .orElseThrow(() -> new ConfigurationException(
                            "SERVICE_VERSION=v2 reads MongoDB unless DB_TYPE=mysql, and needs MONGO_DB_URL, e.g. "
                                    + "mongodb://mongodb:27017/test"));
            this.backend = new MongoRatings(url, database);
        }
        LOG.info(backend.describe());
        // The first read loads the driver's classes and opens the first connection: done now, in the background,
        // rather than on the first reader's page. Its outcome does not matter (the database may not be up yet).
        backend.read().subscribe().with(ignored -> {}, ignored -> {});
    }

    /** Whether this is v2, so GET reads the database and POST answers 501. */
    public boolean enabled() {
        return backend != null;
    }

    /** Reads the two ratings; fails with a {@link DatabaseFailure}. Only for v2 ({@link #enabled()}). */
    public Uni<DatabaseRatings> read() {
        Uni<DatabaseRatings> read = backend.read();
        // The MongoDB driver calls back on its own threads, which cannot see the application's classes: answer on
        // the request's Vert.x context instead.
        Context context = Vertx.currentContext();
        return context == null ? read : read.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    @PreDestroy
    void close() {
        if (backend != null) {
            backend.close();
        }
    }
}
