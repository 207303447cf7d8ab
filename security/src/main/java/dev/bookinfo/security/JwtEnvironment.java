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
 * {@code mp.jwt.verify.issuer}, {@code mp.jwt.verify.publickey.location} and {@code mp.jwt.verify.audiences}.
 *
 * <p>Code, not {@code ${JWT_ISSUER:}} expressions, because an unset or blank variable must leave the property
 * undefined (smallrye-jwt refuses an empty one at startup, even in {@code mesh} mode) and a value is stripped; the
 * ordinal ({@value #ORDINAL}) puts {@code JWT_*} above the files (the dev and test issuer, any
 * {@code application.properties}) and below environment variables (300), so {@code MP_JWT_VERIFY_*} still wins.
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
