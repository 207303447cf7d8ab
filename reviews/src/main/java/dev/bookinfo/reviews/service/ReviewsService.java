package dev.bookinfo.reviews.service;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bookinfo.common.LogText;
import dev.bookinfo.observability.BackendMetrics;
import dev.bookinfo.reviews.client.RatingsClient;
import dev.bookinfo.reviews.config.RatingsClientDefaults;
import dev.bookinfo.reviews.config.ReviewsConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The two fixed reviews of every product, with stars from ratings when ratings are enabled (v2, v3). Never fails
 * because of ratings: whatever goes wrong there becomes the rating error text, on one review or on both
 * (docs/upstream.md#reviews-to-ratings).
 */
@ApplicationScoped
public class ReviewsService {

    private static final Logger LOG = Logger.getLogger(ReviewsService.class);
    /** What ratings answers for the reader's credentials, identity or request rate, not for its own failure. */
    private static final Set<Integer> CLIENTS_REFUSALS = Set.of(401, 403, 429, 431);

    /**
     * Upstream's reviews (docs/upstream.md#reviews-response), in order; the {@code ratings} keys are the reviewer
     * names.
     */
    static final List<Review> REVIEWS = List.of(
            new Review(
                    "Reviewer1",
                    "An extremely entertaining play by Shakespeare. The slapstick humour is refreshing!",
                    null),
            new Review(
                    "Reviewer2",
                    "Absolutely fun and entertaining. The play lacks thematic depth when compared to other plays by Shakespeare.",
                    null));

    private static final List<Review> REVIEWS_WITHOUT_RATINGS = REVIEWS.stream()
            .map(review -> review.withRating(Rating.UNAVAILABLE))
            .toList();

    private final RatingsClient ratingsClient;
    private final BackendMetrics metrics;
    private final ObjectMapper objectMapper;
    private final boolean ratingsEnabled;
    private final String starColor;
    private final String podname;
    private final String clustername;

    ReviewsService(
            ReviewsConfig config,
            @RestClient RatingsClient ratingsClient,
            BackendMetrics metrics,
            ObjectMapper objectMapper) {
        this.ratingsClient = ratingsClient;
        this.metrics = metrics;
        this.objectMapper = objectMapper;
        this.ratingsEnabled = config.ratingsEnabled();
        this.starColor = config.starColor();
        this.podname = config.podname();
        this.clustername = config.clustername();
    }

    /** Creates the service (and the ratings client) at startup, so a bad ratings URL fails the start, not a request. */
    void logSettings(
            @Observes StartupEvent event,
            @ConfigProperty(name = "quarkus.rest-client.ratings.url") String ratingsUrl,
            @ConfigProperty(name = RatingsClientDefaults.CONNECT_TIMEOUT) long connectTimeoutMillis,
            @ConfigProperty(name = RatingsClientDefaults.READ_TIMEOUT) long readTimeoutMillis) {
        if (ratingsEnabled) {
            LOG.infof(
                    "Ratings enabled: %s/ratings/{id}, connect timeout %d ms, read timeout %d ms, star color %s",
                    ratingsUrl, connectTimeoutMillis, readTimeoutMillis, starColor);
        } else {
            LOG.info("Ratings disabled (ENABLE_RATINGS is not true): reviews carry no rating");
        }
    }

    /**
     * The reviews of {@code productId}.
     *
     * @param requestId the incoming {@code x-request-id}, for log lines only (may be null)
     */
    public Uni<ReviewsResponse> reviews(int productId, String requestId) {
        String id = Integer.toString(productId);
        if (!ratingsEnabled) {
            return Uni.createFrom().item(new ReviewsResponse(id, podname, clustername, REVIEWS));
        }
        return ratingsClient.ratings(productId).onItemOrFailure().transform((response, failure) -> {
            int status = failure == null ? response.getStatus() : statusOf(failure);
            metrics.record("ratings", status);
            List<Review> reviews;
            if (failure == null && status == 200) {
                reviews = rate(productId, response, requestId);
            } else if (CLIENTS_REFUSALS.contains(status)) {
                // The reader's credentials or identity, not ratings, are the problem: normal in standalone or mesh
                // mode for an anonymous reader. A configuration that refuses everybody shows on /q/metrics as every
                // request_result_total{destination_app="ratings"} having this response_code.
                LOG.debugf(
                        "Ratings refused the request for product %d: HTTP %d (x-request-id=%s)",
                        productId, status, LogText.requestId(requestId));
                reviews = REVIEWS_WITHOUT_RATINGS;
            } else {
                reviews = unavailable(productId, failure == null ? "HTTP " + status : describe(failure), requestId);
            }
            return new ReviewsResponse(id, podname, clustername, reviews);
        });
    }

    private List<Review> rate(int productId, RestResponse<String> response, String requestId) {
        JsonNode root = json(response.getEntity());
        JsonNode ratings = root == null ? null : root.get("ratings");
        if (ratings == null) {
            return unavailable(productId, "HTTP 200 without a \"ratings\" object", requestId);
        }
        if (!ratings.isObject()) {
            // ratings stores whatever JSON value a client posted: that client's data, not a failure of ratings.
            LOG.debugf(
                    "Ratings of product %d are not an object (x-request-id=%s)",
                    productId, LogText.requestId(requestId));
            return REVIEWS_WITHOUT_RATINGS;
        }
        List<Review> rated = REVIEWS.stream()
                .map(review -> review.withRating(rating(ratings, review)))
                .toList();
        for (Review review : rated) {
            if (review.rating() == Rating.UNAVAILABLE) {
                // Only a client's POST can store one (the v2 database columns are integers): not an operator's
                // problem, and every reader of the product would log it again.
                LOG.debugf(
                        "Ratings for product %d have no integer %s (x-request-id=%s)",
                        productId, review.reviewer(), LogText.requestId(requestId));
            }
        }
        return rated;
    }

    /**
     * Stars only for a JSON integer that fits an {@code int}. Anything else (missing, null, text, 4.5, 2^31) is the
     * error for that reviewer alone. Upstream truncated fractions and answered 500 for non-numbers.
     */
    private Rating rating(JsonNode ratings, Review review) {
        JsonNode stars = ratings.get(review.reviewer());
        if (stars != null && stars.isIntegralNumber() && stars.canConvertToInt()) {
            return Rating.stars(stars.intValue(), starColor);
        }
        return Rating.UNAVAILABLE;
    }

    /** The body as JSON, or null if it is not JSON. */
    private JsonNode json(String body) {
        if (body == null) {
            return null;
        }
        try {
            return objectMapper.readTree(body);
        } catch (JacksonException notJson) {
            return null;
        }
    }

    /** The status of an error answer the client turned into an exception; 500 when there was no answer. */
    private static int statusOf(Throwable failure) {
        return failure instanceof WebApplicationException answered && answered.getResponse() != null
                ? answered.getResponse().getStatus()
                : 500;
    }

    private static List<Review> unavailable(int productId, String reason, String requestId) {
        LOG.warnf(
                "Ratings unavailable for product %d: %s (x-request-id=%s)",
                productId, reason, LogText.requestId(requestId));
        return REVIEWS_WITHOUT_RATINGS;
    }

    /** One line for the log: the status ratings answered, or the innermost cause (refused, timed out, ...). */
    private static String describe(Throwable failure) {
        if (failure instanceof WebApplicationException e && e.getResponse() != null) {
            return "HTTP " + e.getResponse().getStatus();
        }
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null
                ? cause.getClass().getName()
                : cause.getClass().getName() + ": " + cause.getMessage();
    }
}
