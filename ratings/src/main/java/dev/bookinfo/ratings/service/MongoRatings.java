package dev.bookinfo.ratings.service;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import dev.bookinfo.ratings.config.RatingsConfig;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import mutiny.zero.flow.adapters.AdaptersToFlow;
import org.bson.Document;

/**
 * v2 on MongoDB: {@code find({})} on {@code test.ratings}, the {@code rating} of the first document for Reviewer1 and
 * of the second for Reviewer2, as in upstream's {@code ratings.js}. Upstream connected per request; this keeps one
 * client with the driver's pool. The client is built here rather than by Quarkus so that its transport honours the
 * one-second connect and server-selection timeouts (Quarkus' Netty-based client answered a silent server after 3 to
 * 7 s); {@code quarkus-mongodb-client} still provides the driver's native-image support.
 */
final class MongoRatings implements RatingsDatabase.Backend {

    static final String CONNECT_ERROR = "could not connect to ratings database";
    static final String LOAD_ERROR = "could not load ratings from database";

    private final MongoClient client;
    private final MongoCollection<Document> ratings;
    private final String where;
    private final Duration deadline;

    MongoRatings(String url, RatingsConfig.Database config) {
        ConnectionString parsed;
        try {
            parsed = new ConnectionString(url);
        } catch (IllegalArgumentException bad) {
            // The message names the problem without repeating the URL, which may hold a password.
            throw new ConfigurationException("MONGO_DB_URL is not a MongoDB connection string: " + bad.getMessage());
        }
        this.where = String.join(",", parsed.getHosts());
        long connectMillis = config.connectTimeout().toMillis();
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(parsed)
                .applyToSocketSettings(socket -> socket.connectTimeout((int) connectMillis, TimeUnit.MILLISECONDS)
                        .readTimeout((int) config.queryTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(connectMillis, TimeUnit.MILLISECONDS))
                .applyToConnectionPoolSettings(
                        pool -> pool.maxSize(config.poolSize()).maxWaitTime(connectMillis, TimeUnit.MILLISECONDS))
                .build();
        this.client = MongoClients.create(settings);
        // Upstream reads database "test" whatever the URL names.
        this.ratings = client.getDatabase("test").getCollection("ratings");
        // The driver's own timeouts answer first; this only guards against a reply that never comes.
        this.deadline = config.connectTimeout().plus(config.queryTimeout()).plusSeconds(1);
    }

    @Override
    public Uni<DatabaseRatings> read() {
        // Two documents are all upstream ever looked at; the limit keeps a large collection from being read whole.
        return Multi.createFrom()
                .publisher(AdaptersToFlow.publisher(ratings.find().limit(2)))
                .collect()
                .asList()
                .ifNoItem()
                .after(deadline)
                .failWith(() -> new TimeoutException("no answer after " + deadline))
                .onFailure()
                .transform(MongoRatings::classify)
                .map(MongoRatings::ratings);
    }

    private static DatabaseRatings ratings(List<Document> documents) {
        return new DatabaseRatings(rating(documents, 0), rating(documents, 1));
    }

    private static int rating(List<Document> documents, int index) {
        if (documents.size() <= index) {
            return 0;
        }
        Object value = documents.get(index).get("rating");
        Integer stars = DatabaseRatings.stars(value);
        if (stars == null) {
            throw new DatabaseFailure(
                    500,
                    LOAD_ERROR,
                    "document " + (index + 1) + " of test.ratings has no whole-number " + "rating: "
                            + (value == null ? "none" : value.getClass().getSimpleName() + " " + value));
        }
        return stars;
    }

    private static Throwable classify(Throwable failure) {
        if (failure instanceof MongoSocketReadTimeoutException) {
            return new DatabaseFailure(500, LOAD_ERROR, DatabaseFailure.describe(failure));
        }
        if (failure instanceof MongoTimeoutException
                || failure instanceof MongoSocketException
                || failure instanceof MongoSecurityException
                || failure instanceof TimeoutException) {
            return new DatabaseFailure(500, CONNECT_ERROR, DatabaseFailure.describe(failure));
        }
        return new DatabaseFailure(500, LOAD_ERROR, DatabaseFailure.describe(failure));
    }

    @Override
    public String describe() {
        return "Ratings v2 read MongoDB at " + where + ", database test, collection ratings (MONGO_DB_URL)";
    }

    @Override
    public void close() {
        client.close();
    }
}
