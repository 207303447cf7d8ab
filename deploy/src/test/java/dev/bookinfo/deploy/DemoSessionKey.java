package dev.bookinfo.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * productpage's demo login cookie key as productpage/src/main/resources/application.properties declares it:
 * {@code bookinfo.session.secret=${SESSION_SECRET:<public default>}}.
 */
final class DemoSessionKey {

    static final String VARIABLE = "SESSION_SECRET";

    private DemoSessionKey() {}

    /** The built-in key anyone can read in the sources; a deployment must never run with it. */
    static String builtInDefault() {
        String props =
                Manifests.read(Manifests.root().resolve("productpage/src/main/resources/application.properties"));
        Matcher m = Pattern.compile("(?m)^bookinfo\\.session\\.secret=\\$\\{" + VARIABLE + ":([^}]+)}$")
                .matcher(props);
        assertTrue(
                m.find(),
                "productpage no longer reads its demo session key from " + VARIABLE
                        + " with a default: update the deploy tests and deploy/productpage-secrets.env.example");
        return m.group(1);
    }
}
