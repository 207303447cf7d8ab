package dev.bookinfo.details.rest;

import dev.bookinfo.security.testing.MeshJwtContract;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code JWT_MODE=mesh}, the default (SECURITY.md#what-each-layer-checks): the mesh checks tokens, details checks none.
 */
@QuarkusTest
class MeshJwtTest extends MeshJwtContract {

    MeshJwtTest() {
        super("/details/0", "application/json", DetailsResourceTest.book("0"));
    }
}
