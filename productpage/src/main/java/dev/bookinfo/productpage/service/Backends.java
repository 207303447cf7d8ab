package dev.bookinfo.productpage.service;

import dev.bookinfo.observability.BackendMetrics;
import dev.bookinfo.productpage.client.DetailsClient;
import dev.bookinfo.productpage.client.ForwardedHeaders;
import dev.bookinfo.productpage.client.RatingsClient;
import dev.bookinfo.productpage.client.ReviewsClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The outbound calls (docs/upstream.md#timeouts-and-the-reviews-retry): details and ratings once, reviews twice when
 * the first attempt fails (upstream keeps that retry on purpose for Istio's fault-injection task, hence its
 * "6 seconds"). A call never fails: a missing response becomes status 500. Timeouts (3 s connect, 3 s read) are
 * REST client settings in {@code application.properties}.
 */
@ApplicationScoped
public class Backends {

    private static final Logger LOG = Logger.getLogger(Backends.class);

    private final DetailsClient details;
    private final ReviewsClient reviews;
    private final RatingsClient ratings;
    private final BackendMetrics metrics;

    Backends(
            @RestClient DetailsClient details,
            @RestClient ReviewsClient reviews,
            @RestClient RatingsClient ratings,
            BackendMetrics metrics) {
        this.details = details;
        this.reviews = reviews;
        this.ratings = ratings;
        this.metrics = metrics;
    }

    public Uni<BackendResult> details(String id, ForwardedHeaders headers) {
        return attempt(() -> details.get(id, headers)).invoke(result -> completed("details", result, headers));
    }

    /**
     * Reviews with upstream's immediate retry: any non-200 or error gets a second try, which decides.
     * Hand-written: SmallRye Fault Tolerance's retry keeps the second status only if thrown, and adds 2-8 us a call.
     */
    public Uni<BackendResult> reviews(String id, ForwardedHeaders headers) {
        Supplier<Uni<RestResponse<String>>> call = () -> reviews.get(id, headers);
        return attempt(call)
                .chain(first -> {
                    if (first.ok()) {
                        return Uni.createFrom().item(first);
                    }
                    LOG.debugf(
                            "reviews attempt 1 failed (request %s): %s; retrying", headers.requestId(), first.reason());
                    return attempt(call);
                })
                .invoke(result -> completed("reviews", result, headers));
    }

    public Uni<BackendResult> ratings(String id, ForwardedHeaders headers) {
        return attempt(() -> ratings.get(id, headers)).invoke(result -> completed("ratings", result, headers));
    }

    /**
     * {@code FLOOD_FACTOR} extra reviews calls for product 0, one after another, responses discarded
     * (docs/upstream.md#flood-mode).
     */
    public Uni<Void> flood(int times, ForwardedHeaders headers) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < times; i++) {
            chain = chain.chain(() -> reviews("0", headers)).replaceWithVoid();
        }
        return chain;
    }

    private static Uni<BackendResult> attempt(Supplier<Uni<RestResponse<String>>> call) {
        return Uni.createFrom()
                .<RestResponse<String>>deferred(call::get)
                // Only a 200 body is ever used; other bodies are not even decoded.
                .map(response -> BackendResult.response(
                        response.getStatus(), response.getStatus() == 200 ? response.getEntity() : null))
                .onFailure()
                .recoverWithItem(Backends::noResponse);
    }

    private static BackendResult noResponse(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return BackendResult.noResponse(root.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }

    private void completed(String backend, BackendResult result, ForwardedHeaders headers) {
        metrics.record(backend, result.status());
        if (!result.ok()) {
            LOG.warnf("%s unavailable (request %s): %s", backend, headers.requestId(), result.reason());
        }
    }
}
