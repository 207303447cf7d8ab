package dev.bookinfo.ratings.health;

import dev.bookinfo.ratings.service.Faults;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /q/health/ready} follows upstream's {@code /health}: DOWN during v-unhealthy's unhealthy phases, so
 * Kubernetes takes the pod out of the Service like a failing upstream health check would. Liveness is left
 * alone: restarting the pod would only restart the cycle.
 */
@Readiness
@ApplicationScoped
public class RatingsReadiness implements HealthCheck {

    private final Faults faults;

    public RatingsReadiness(Faults faults) {
        this.faults = faults;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("ratings").status(faults.healthy()).build();
    }
}
