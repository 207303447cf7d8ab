package dev.bookinfo.security.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

/**
 * {@code JWT_MODE=mesh}, the default (SECURITY.md#what-each-layer-checks): the mesh checks tokens, the service none. A
 * service's {@code @QuarkusTest} in mesh mode extends this with one of its protected paths and what it answers there.
 */
public abstract class MeshJwtContract {

    private final String protectedPath;
    private final String contentType;
    private final String body;

    /**
     * @param protectedPath a GET path that needs a token in standalone mode, such as {@code /details/0}
     * @param contentType the {@code Content-Type} the service answers there
     * @param body the exact body it answers there
     */
    protected MeshJwtContract(String protectedPath, String contentType, String body) {
        this.protectedPath = protectedPath;
        this.contentType = contentType;
        this.body = body;
    }

    @Test
    void answersWithoutToken() {
        given().get(protectedPath)
                .then()
                .statusCode(200)
                .header("Content-Type", contentType)
                .body(is(body));
    }

    @Test
    void ignoresAGarbageToken() {
        given().auth()
                .oauth2("not-a-jwt")
                .get(protectedPath)
                .then()
                .statusCode(200)
                .header("Content-Type", contentType)
                .body(is(body));
    }
}
