package dev.bookinfo.details.client;

import dev.bookinfo.details.config.DetailsConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.util.concurrent.TimeUnit;

/**
 * Builds the {@link GoogleBooksClient} from {@code bookinfo.google-books.*}. It is built in code rather than from
 * {@code quarkus.rest-client.*} properties because the base URL depends on the exact value of
 * {@code DO_NOT_ENCRYPT}, which a configuration expression cannot compare, and because the timeouts are typed
 * durations in {@link DetailsConfig}. The client is created on first use, so v1 never builds it.
 */
@ApplicationScoped
public class GoogleBooksClientProducer {

    @Produces
    @ApplicationScoped
    GoogleBooksClient googleBooksClient(DetailsConfig config) {
        DetailsConfig.GoogleBooks googleBooks = config.googleBooks();
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(GoogleBooksEndpoint.baseUri(googleBooks.url(), googleBooks.doNotEncrypt()))
                .connectTimeout(googleBooks.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(googleBooks.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // Error statuses are reported by ExternalBookService, not thrown by the client.
                .disableDefaultMapper(true)
                .build(GoogleBooksClient.class);
    }

    void close(@Disposes GoogleBooksClient client) throws Exception {
        client.close();
    }
}
