package dev.bookinfo.common.rest;

import io.quarkus.resteasy.reactive.server.runtime.observability.ObservabilityHandler;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;
import java.util.HashSet;
import java.util.Set;
import org.jboss.resteasy.reactive.server.core.Deployment;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.handlers.ClassRoutingHandler;
import org.jboss.resteasy.reactive.server.handlers.RestInitialHandler.InitialMatch;
import org.jboss.resteasy.reactive.server.mapping.RequestMapper.RequestPath;
import org.jboss.resteasy.reactive.server.mapping.RuntimeResource;
import org.jboss.resteasy.reactive.server.spi.ServerRestHandler;

/**
 * The route templates of Quarkus REST's resource methods, as its metrics and traces name a request's route
 * ({@code uri="/reviews/{productId}"}): the template that Quarkus' own observability handler, in each method's handler
 * chain, puts on the request once the method has matched.
 */
public final class RouteTemplates {

    /**
     * The request-context key Quarkus' HTTP server metrics read the route from (set by Quarkus REST's
     * {@code ObservabilityUtil}, which is not public).
     */
    static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    private RouteTemplates() {}

    /** Every resource method's template, as Quarkus records it; empty without a metrics or tracing extension. */
    public static Set<String> all(Deployment deployment) {
        Set<String> templates = new HashSet<>();
        for (RequestPath<InitialMatch> path : deployment.getClassMappers()) {
            for (ServerRestHandler handler : path.value.handlers) {
                if (handler instanceof ClassRoutingHandler routing) {
                    routing.getMappers()
                            .values()
                            .forEach(methods -> methods.getTemplates().forEach(method -> {
                                String template = of(method.value);
                                if (template != null) {
                                    templates.add(template);
                                }
                            }));
                }
            }
        }
        return templates;
    }

    /**
     * The template Quarkus records for a request this method serves, null if it records none (a sub-resource
     * method's handler holds only the tail of its route; no service has one).
     */
    static String of(RuntimeResource method) {
        for (ServerRestHandler handler : method.getHandlerChain()) {
            if (handler instanceof ObservabilityHandler observability && !observability.isSubResource()) {
                return observability.getTemplatePath();
            }
        }
        return null;
    }

    /** Names {@code template} as the request's route, as Quarkus REST does when one of its methods matches. */
    static void record(ResteasyReactiveRequestContext request, String template) {
        RoutingContext routing = request.unwrap(RoutingContext.class);
        if (routing != null) {
            ((HttpServerRequestInternal) routing.request()).context().putLocal(URL_PATH_TEMPLATE, template);
        }
    }
}
