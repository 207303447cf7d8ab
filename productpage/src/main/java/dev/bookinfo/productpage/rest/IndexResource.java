package dev.bookinfo.productpage.rest;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.Config;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /} and {@code /index.html}: the service overview with links to the book page (docs/upstream.md#index-page).
 */
@Path("/")
public class IndexResource {

    private final byte[] page;

    IndexResource(Config config) {
        this.page = new IndexPage(url(config, "details"), url(config, "reviews"), url(config, "ratings"))
                .render()
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String url(Config config, String backend) {
        String url = config.getOptionalValue("quarkus.rest-client." + backend + ".url", String.class)
                .orElse("");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @GET
    @NonBlocking
    public RestResponse<byte[]> index() {
        return Html.ok(page);
    }

    @GET
    @Path("index.html")
    @NonBlocking
    public RestResponse<byte[]> indexHtml() {
        return Html.ok(page);
    }
}
