package dev.bookinfo.productpage.service;

import dev.bookinfo.productpage.client.ForwardedHeaders;
import dev.bookinfo.productpage.config.ProductPageConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Gathers what {@code /productpage} shows for product 0. details and reviews are fetched in parallel
 * (upstream calls them one after the other; the results are the same); flood calls, if any, run
 * before the reviews call, as upstream does.
 */
@ApplicationScoped
public class ProductPageService {

    /** What the page shows: {@code null} details or reviews mean that backend failed. */
    public record PageData(BookDetails details, BookReviews reviews) {}

    private static final Logger LOG = Logger.getLogger(ProductPageService.class);
    private static final String PRODUCT_ID = Integer.toString(Product.COMEDY_OF_ERRORS.id());

    private final Backends backends;
    private final JsonBodies json;
    private final int floodFactor;

    ProductPageService(Backends backends, JsonBodies json, ProductPageConfig config) {
        this.backends = backends;
        this.json = json;
        this.floodFactor = Math.max(0, config.floodFactor());
    }

    public Uni<PageData> load(ForwardedHeaders headers) {
        Uni<BookDetails> details =
                backends.details(PRODUCT_ID, headers).map(result -> parse("details", result, json::details, headers));
        Uni<BookReviews> reviews = backends.flood(floodFactor, headers)
                .chain(() -> backends.reviews(PRODUCT_ID, headers))
                .map(result -> parse("reviews", result, json::reviews, headers));
        return Uni.combine().all().unis(details, reviews).with(PageData::new);
    }

    /** The parsed body of a 200, or {@code null} (the page shows the error block). */
    private static <T> T parse(
            String backend, BackendResult result, Function<String, Optional<T>> parser, ForwardedHeaders headers) {
        if (!result.ok()) {
            return null;
        }
        Optional<T> parsed = parser.apply(result.body());
        if (parsed.isEmpty()) {
            LOG.warnf("%s answered 200 with a body the page cannot use (request %s)", backend, headers.requestId());
        }
        return parsed.orElse(null);
    }
}
