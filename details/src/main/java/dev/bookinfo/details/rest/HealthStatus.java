package dev.bookinfo.details.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code {"status":"Details is healthy"}}, upstream's health body. */
@RegisterForReflection
public record HealthStatus(String status) {

    public static final HealthStatus HEALTHY = new HealthStatus("Details is healthy");
}
