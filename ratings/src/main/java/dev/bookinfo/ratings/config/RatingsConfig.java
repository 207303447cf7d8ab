package dev.bookinfo.ratings.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import java.time.Duration;
import java.util.Optional;

/**
 * Configuration of the ratings service. The upstream and fault env vars are wired to these keys in
 * {@code application.properties}; the prefix is deliberately not {@code ratings}, so the
 * {@code RATINGS_*} variables Kubernetes injects into every pod cannot leak in.
 *
 * <p>{@code bookinfo.jwt.mode} ({@code JWT_MODE}) is mapped by {@link dev.bookinfo.security.JwtConfig}, shared with the
 * other services.
 */
@ConfigMapping(prefix = "bookinfo")
public interface RatingsConfig {

    /** Behaviour variant ({@code SERVICE_VERSION}): v1, v2, v-faulty, v-delayed, v-unavailable or v-unhealthy. */
    @WithConverter(Converters.ServiceVersionConverter.class)
    ServiceVersion serviceVersion();

    /** Bounds of the in-memory store that POST writes to; upstream kept anything, for ever. */
    Store store();

    /** Knobs of the fault variants; upstream hard-codes them, we default to its numbers. */
    Faults faults();

    /** Where v2 reads its ratings; unused by the other variants. */
    Database database();

    interface Database {

        /** {@code DB_TYPE}: exactly {@code mysql} selects MySQL; anything else, or nothing, MongoDB (like upstream). */
        Optional<String> type();

        /**
         * {@code MONGO_DB_URL}, e.g. {@code mongodb://mongodb:27017/test}. Like upstream, the ratings are always
         * read from database {@code test}, whatever the URL names.
         */
        Optional<String> mongoUrl();

        /** {@code MYSQL_DB_*}; the database is always {@code test}. */
        Mysql mysql();

        /**
         * How long to wait for a connection (MySQL: TCP connect and handshake; MongoDB: connect and server
         * selection) before answering "could not connect". Drivers default to 10 to 30 s, longer than reviews waits.
         */
        Duration connectTimeout();

        /** How long a query may take before it counts as failed. */
        Duration queryTimeout();

        /** Most connections kept open to the database. */
        int poolSize();
    }

    interface Mysql {

        /** {@code MYSQL_DB_HOST}; required with {@code DB_TYPE=mysql}. */
        Optional<String> host();

        /** {@code MYSQL_DB_PORT}. */
        int port();

        /** {@code MYSQL_DB_USER}. */
        String user();

        /** {@code MYSQL_DB_PASSWORD}. */
        Optional<String> password();
    }

    interface Faults {

        /**
         * Chance, from 0.0 to 1.0, that a GET /ratings fails (v-faulty) or is delayed (v-delayed)
         * ({@code FAULT_PROBABILITY}).
         */
        @WithConverter(Converters.ProbabilityConverter.class)
        double probability();

        /** How long v-delayed holds back a delayed answer ({@code FAULT_DELAY}). */
        @WithConverter(Converters.PositiveDurationConverter.class)
        Duration delay();

        /** How long each available / unavailable phase of v-unavailable lasts ({@code FAULT_UNAVAILABLE_PERIOD}). */
        @WithConverter(Converters.PositiveDurationConverter.class)
        Duration unavailablePeriod();

        /** How long each healthy / unhealthy phase of v-unhealthy lasts ({@code FAULT_UNHEALTHY_PERIOD}). */
        @WithConverter(Converters.PositiveDurationConverter.class)
        Duration unhealthyPeriod();
    }

    interface Store {

        /**
         * Most products that can have posted ratings at once ({@code MAX_POSTED_PRODUCTS}); a POST for one more
         * product is refused, updates of stored ones still work. 0 refuses every new product.
         */
        @WithConverter(Converters.MaxPostedProductsConverter.class)
        int maxProducts();

        /** Deepest nesting of arrays and objects accepted in posted ratings, 1 to 500 ({@code MAX_JSON_DEPTH}). */
        @WithConverter(Converters.MaxJsonDepthConverter.class)
        int maxDepth();
    }
}
