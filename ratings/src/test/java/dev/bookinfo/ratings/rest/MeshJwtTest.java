package dev.bookinfo.ratings.rest;

import dev.bookinfo.security.testing.MeshJwtContract;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code JWT_MODE=mesh}, the default (SECURITY.md#what-each-layer-checks): the mesh checks tokens, ratings checks none.
 */
@QuarkusTest
class MeshJwtTest extends MeshJwtContract {

    MeshJwtTest() {
        super("/ratings/0", "application/json", StandaloneJwtTest.DEFAULT_RATINGS);
    }
}
