package dev.bookinfo.common.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jboss.resteasy.reactive.server.core.Deployment;
import org.jboss.resteasy.reactive.server.handlers.ClassRoutingHandler;
import org.jboss.resteasy.reactive.server.handlers.RestInitialHandler.InitialMatch;
import org.jboss.resteasy.reactive.server.mapping.RequestMapper;
import org.jboss.resteasy.reactive.server.mapping.RequestMapper.RequestMatch;
import org.jboss.resteasy.reactive.server.mapping.RequestMapper.RequestPath;
import org.jboss.resteasy.reactive.server.mapping.RuntimeResource;
import org.jboss.resteasy.reactive.server.spi.ServerRestHandler;

/**
 * The {@code Allow} header of a 405, read from Quarkus REST's own routing table: the methods that the resource
 * matching the path serves there, {@code HEAD} wherever {@code GET} is served, and {@code OPTIONS}. Quarkus REST
 * answers 405 without {@code Allow}; listing the methods by hand in each service would drift from the resources. The
 * same walk finds the route template the 405 is recorded under ({@link RouteTemplates}).
 * The table is built on the first 405 after a start and rebuilt when the application restarts (dev mode, tests).
 */
final class AllowedMethods {

    /** The usual order of methods; others follow in alphabetical order, {@code OPTIONS} comes last. */
    private static final List<String> ORDER = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH");

    private final Deployment deployment;
    private final RequestMapper<Map<String, RequestMapper<RuntimeResource>>> classes;

    private AllowedMethods(Deployment deployment) {
        this.deployment = deployment;
        ArrayList<RequestPath<Map<String, RequestMapper<RuntimeResource>>>> paths = new ArrayList<>();
        for (RequestPath<InitialMatch> path : deployment.getClassMappers()) {
            for (ServerRestHandler handler : path.value.handlers) {
                if (handler instanceof ClassRoutingHandler routing) {
                    paths.add(new RequestPath<>(path.prefixTemplate, path.template, routing.getMappers()));
                }
            }
        }
        this.classes = new RequestMapper<>(paths);
    }

    static AllowedMethods of(Deployment deployment, AllowedMethods previous) {
        return previous != null && previous.deployment == deployment ? previous : new AllowedMethods(deployment);
    }

    /** What a 405 for {@code path} says: its {@code Allow} header, and the route it is recorded under in metrics. */
    record Answer(String allow, String template) {}

    /**
     * The methods for {@code path} (without Quarkus REST's root path, as it routes it), e.g.
     * {@code GET, HEAD, POST, OPTIONS}, just {@code OPTIONS} for a path no resource matches; and the route template of
     * the resource method that serves the path (the {@code GET} one if there is one, else the first method's in
     * alphabetical order), null for a path no resource matches.
     */
    Answer answer(String path) {
        Map<String, String> templates = new TreeMap<>();
        Set<String> methods = new TreeSet<>();
        for (RequestMatch<Map<String, RequestMapper<RuntimeResource>>> match = classes.map(path);
                match != null;
                match = classes.continueMatching(path, match)) {
            String remaining = match.remaining.isEmpty() ? "/" : match.remaining;
            match.value.forEach((method, resources) -> {
                RequestMatch<RuntimeResource> resource = method == null ? null : resources.map(remaining);
                if (resource != null) {
                    methods.add(method);
                    String template = RouteTemplates.of(resource.value);
                    if (template != null) {
                        templates.putIfAbsent(method, template);
                    }
                }
            });
        }
        String template = templates.containsKey("GET")
                ? templates.get("GET")
                : templates.values().stream().findFirst().orElse(null);
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        methods.remove("OPTIONS");
        StringJoiner allow = new StringJoiner(", ");
        ORDER.stream().filter(methods::remove).forEach(allow::add);
        methods.forEach(allow::add);
        return new Answer(allow.add("OPTIONS").toString(), template);
    }
}
