package dev.bookinfo.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A blank variable is an unset one: the default in application.properties applies. */
class BlankIsUnsetTest {

    private static SmallRyeConfig config(Map<String, String> env) {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .addDiscoveredInterceptors()
                .withSources(new EnvConfigSource(env, 300))
                .withSources(new PropertiesConfigSource(
                        Map.of(
                                "bookinfo.star-color", "${STAR_COLOR:black}",
                                "bookinfo.public-url", "${PUBLIC_URL:}",
                                "bookinfo.trusted-proxies", "${TRUSTED_PROXIES:127.0.0.6}"),
                        "application.properties",
                        250))
                .build();
    }

    @ParameterizedTest(name = "STAR_COLOR=\"{0}\" gives the default")
    @ValueSource(strings = {"", " ", "\t"})
    void blankVariableTakesTheDefault(String blank) {
        assertEquals("black", config(Map.of("STAR_COLOR", blank)).getValue("bookinfo.star-color", String.class));
    }

    @ParameterizedTest(name = "STAR_COLOR=\"{0}\" is kept")
    @ValueSource(strings = {"red", " red "})
    void otherValuesAreKept(String value) {
        assertEquals(value, config(Map.of("STAR_COLOR", value)).getValue("bookinfo.star-color", String.class));
    }

    @ParameterizedTest(name = "PUBLIC_URL=\"{0}\" is unset")
    @ValueSource(strings = {"", " "})
    void anExpressionWithAnEmptyDefaultStaysUnset(String blank) {
        assertEquals(
                Optional.empty(),
                config(Map.of("PUBLIC_URL", blank)).getOptionalValue("bookinfo.public-url", String.class));
    }

    /** productpage documents TRUSTED_PROXIES="" as "trust nobody": it must not become the sidecar default. */
    @Test
    void anEmptyTrustedProxiesStaysEmpty() {
        assertEquals(
                Optional.empty(),
                config(Map.of("TRUSTED_PROXIES", "")).getOptionalValue("bookinfo.trusted-proxies", String.class));
        assertEquals("127.0.0.6", config(Map.of()).getValue("bookinfo.trusted-proxies", String.class));
    }
}
