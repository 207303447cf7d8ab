package dev.bookinfo.deploy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The validator the manifest tests rely on: it must reject what a cluster would reject or silently ignore. */
class ManifestValidatorTest {

    private static final String PEER_AUTHENTICATION = """
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata:
              name: default
            spec:
              mtls:
                mode: %s
            """;

    private static final String REQUEST_AUTHENTICATION = """
            apiVersion: security.istio.io/v1
            kind: RequestAuthentication
            metadata:
              name: auth0
            spec:
              jwtRules:
                - %s: https://tenant.eu.auth0.com/
                  jwksUri: https://tenant.eu.auth0.com/.well-known/jwks.json
                  forwardOriginalToken: true
            """;

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: details-v1
            spec:
              %s: 1
              selector:
                matchLabels:
                  app: details
              template:
                metadata:
                  labels:
                    app: details
                spec:
                  containers:
                    - name: details
                      image: bookinfo/details:1.0.0-SNAPSHOT
            """;

    @Test
    void acceptsAValidPeerAuthentication() {
        assertDoesNotThrow(() -> Manifests.validatedYaml(PEER_AUTHENTICATION.formatted("STRICT"), "test"));
    }

    @Test
    void rejectsAnUnknownEnumValue() {
        AssertionError error = assertThrows(
                AssertionError.class, () -> Manifests.validatedYaml(PEER_AUTHENTICATION.formatted("STRICTT"), "test"));
        assertMentions(error, "round trip", "/spec/mtls/mode", "STRICTT");
    }

    @Test
    void acceptsAValidRequestAuthentication() {
        assertDoesNotThrow(() -> Manifests.validatedYaml(REQUEST_AUTHENTICATION.formatted("issuer"), "test"));
    }

    @Test
    void rejectsAMisspelledIstioField() {
        AssertionError error = assertThrows(
                AssertionError.class,
                () -> Manifests.validatedYaml(REQUEST_AUTHENTICATION.formatted("issuerr"), "test"));
        assertMentions(error, "does not know", "issuerr");
    }

    @Test
    void acceptsAValidDeployment() {
        assertDoesNotThrow(() -> Manifests.validatedYaml(DEPLOYMENT.formatted("replicas"), "test"));
    }

    @Test
    void rejectsAMisspelledKubernetesField() {
        AssertionError error = assertThrows(
                AssertionError.class, () -> Manifests.validatedYaml(DEPLOYMENT.formatted("replica"), "test"));
        assertMentions(error, "does not know", "spec.replica");
    }

    @Test
    void rejectsAValueOfTheWrongType() {
        String yaml = DEPLOYMENT.formatted("replicas").replace("replicas: 1", "replicas: [1]");
        AssertionError error = assertThrows(AssertionError.class, () -> Manifests.validatedYaml(yaml, "test"));
        assertMentions(error, "replicas");
    }

    @Test
    void rejectsAKindNoModelKnows() {
        String yaml =
                PEER_AUTHENTICATION.formatted("STRICT").replace("kind: PeerAuthentication", "kind: PeerAuthenticaton");
        AssertionError error = assertThrows(AssertionError.class, () -> Manifests.validatedYaml(yaml, "test"));
        assertMentions(error, "no fabric8 model knows");
    }

    @Test
    void rejectsAnUnservedApiVersion() {
        String yaml = PEER_AUTHENTICATION
                .formatted("STRICT")
                .replace("security.istio.io/v1", "authentication.istio.io/v1alpha1");
        AssertionError error = assertThrows(AssertionError.class, () -> Manifests.validatedYaml(yaml, "test"));
        assertMentions(error, "no fabric8 model knows");
    }

    private static void assertMentions(AssertionError error, String... words) {
        for (String word : words) {
            assertTrue(error.getMessage().contains(word), () -> "expected '" + word + "' in: " + error.getMessage());
        }
    }
}
