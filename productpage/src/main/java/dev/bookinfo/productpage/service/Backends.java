package dev.bookinfo.productpage.service;

import dev.bookinfo.observability.BackendMetrics;
import dev.bookinfo.productpage.client.DetailsClient;
import dev.bookinfo.productpage.client.ForwardedHeaders;
import dev.bookinfo.productpage.client.RatingsClient;
import dev.bookinfo.productpage.client.ReviewsClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
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
    private static final String PAGE_PRODUCT = Integer.toString(Product.COMEDY_OF_ERRORS.id());
    /** Statuses that refuse what the client sent whatever the id. */
    private static final Set<Integer> CLIENTS_REFUSALS = Set.of(401, 403, 429, 431);

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
        return attempt(() -> details.get(id, headers)).invoke(result -> completed("details", id, result, headers));
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
                .invoke(result -> completed("reviews", id, result, headers));
    }

    public Uni<BackendResult> ratings(String id, ForwardedHeaders headers) {
        return attempt(() -> ratings.get(id, headers)).invoke(result -> completed("ratings", id, result, headers));
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

    /**
     * One WARN line when the backend failed: no answer, a 5xx, or a refusal that nothing the client sent explains.
     * A refusal of the client's own request is normal operation and only a DEBUG line: otherwise every anonymous
     * reader refused by a backend (401 in standalone JWT mode, 403 from a mesh policy) or every made-up id would
     * write a WARN line, and anybody could fill the log. A configuration that refuses everybody still shows, as
     * every call failing in {@code request_result_total{destination_app=...,response_code=...}} on {@code /metrics}.
     */
    private void completed(String backend, String id, BackendResult result, ForwardedHeaders headers) {
        metrics.record(backend, result.status());
        if (result.ok()) {
            return;
        }
        String requestId = headers.requestId();
        if (refusedForTheClient(id, result)) {
            LOG.debugf("%s refused the request %s: %s", backend, requestId, result.reason());
        } else {
            LOG.warnf("%s unavailable (request %s): %s", backend, requestId, result.reason());
        }
    }

    /**
     * Whether a backend's 4xx can be the doing of the client: the credentials or identity it presented (401, 403),
     * the headers productpage forwarded for it (431), its request rate (429), or, for any 4xx, an id it chose. The
     * page asks for product 0, which every backend knows: a 400 or 404 for it is the backend's or the mesh's fault.
     */
    static boolean refusedForTheClient(String id, BackendResult result) {
        int status = result.status();
        if (result.failure() != null || status < 400 || status > 499) {
            return false;
        }
        return CLIENTS_REFUSALS.contains(status) || !PAGE_PRODUCT.equals(id);
    }
}
