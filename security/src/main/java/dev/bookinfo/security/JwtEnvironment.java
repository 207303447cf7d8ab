package dev.bookinfo.security;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Maps the documented variables {@code JWT_ISSUER}, {@code JWT_JWKS_URL} and {@code JWT_AUDIENCE} onto smallrye-jwt's
 * {@code mp.jwt.verify.issuer}, {@code mp.jwt.verify.publickey.location} and {@code mp.jwt.verify.audiences}, but
 * only when they are set: an expression such as {@code ${JWT_ISSUER:}} in {@code application.properties} would define
 * the property as empty, which smallrye-jwt refuses at startup even in {@code mesh} mode, where none is needed.
 *
 * <p>The ordinal ({@value #ORDINAL}) sits between {@code application.properties} (250) and environment variables
 * (300): {@code JWT_*} wins over the file, and the usual {@code MP_JWT_VERIFY_*} variables still win over
 * {@code JWT_*}. Registered in {@code META-INF/services/io.smallrye.config.ConfigSourceFactory}.
 */
public class JwtEnvironment implements ConfigSourceFactory {

    public static final int ORDINAL = 275;

    static final Map<String, String> PROPERTIES = Map.of(
            "JWT_ISSUER", "mp.jwt.verify.issuer",
            "JWT_JWKS_URL", "mp.jwt.verify.publickey.location",
            "JWT_AUDIENCE", "mp.jwt.verify.audiences");

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Map<String, String> values = new HashMap<>();
        PROPERTIES.forEach((variable, property) -> {
            ConfigValue value = context.getValue(variable);
            if (value != null && value.getValue() != null && !value.getValue().isBlank()) {
                values.put(property, value.getValue().strip());
            }
        });
        return List.of(new PropertiesConfigSource(values, "JWT_* environment variables", ORDINAL));
    }
}
