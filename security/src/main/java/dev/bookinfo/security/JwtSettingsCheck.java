package dev.bookinfo.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Refuses to start in {@code standalone} mode without the issuer, the JWKS and the audience: a service that cannot
 * verify any token would answer 401 to everyone, which is harder to diagnose than a failed start. In {@code mesh}
 * mode none of them is needed.
 */
@Singleton
public class JwtSettingsCheck {

    private static final Logger LOG = Logger.getLogger(JwtSettingsCheck.class);

    // Each service's API lives under /<its name> (/details, /reviews, /ratings), and the application name is the
    // module's artifactId: the start-up line can name the API without a setting of its own.
    void check(
            @Observes StartupEvent start,
            JwtConfig config,
            @ConfigProperty(name = "quarkus.application.name") String application,
            @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> jwks,
            @ConfigProperty(name = "mp.jwt.verify.audiences") Optional<String> audience) {
        if (config.mode() == JwtMode.MESH) {
            LOG.info("JWT_MODE=mesh: access tokens are checked by the mesh, not by this service");
            return;
        }
        List<String> missing = missing(issuer, jwks, audience);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("JWT_MODE=standalone needs " + String.join(", ", missing));
        }
        LOG.infof(
                "JWT_MODE=standalone: /%s needs a bearer token from issuer %s for audience %s, keys from %s",
                application, issuer.get(), audience.get(), jwks.get());
    }

    /** The environment variables (with their Quarkus property) that standalone mode needs and that are unset. */
    static List<String> missing(Optional<String> issuer, Optional<String> jwks, Optional<String> audience) {
        List<String> missing = new ArrayList<>();
        if (issuer.isEmpty()) {
            missing.add("JWT_ISSUER (mp.jwt.verify.issuer)");
        }
        if (jwks.isEmpty()) {
            missing.add("JWT_JWKS_URL (mp.jwt.verify.publickey.location)");
        }
        if (audience.isEmpty()) {
            missing.add("JWT_AUDIENCE (mp.jwt.verify.audiences)");
        }
        return missing;
    }
}
