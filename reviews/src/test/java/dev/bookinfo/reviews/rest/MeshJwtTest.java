package dev.bookinfo.reviews.rest;

import static dev.bookinfo.reviews.testing.ExpectedBodies.JSON;
import static dev.bookinfo.reviews.testing.ExpectedBodies.withoutRatings;

import dev.bookinfo.reviews.testing.Profiles;
import dev.bookinfo.security.testing.MeshJwtContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * {@code JWT_MODE=mesh}, the default (SECURITY.md#what-each-layer-checks): the mesh checks tokens, reviews checks none.
 */
@QuarkusTest
@TestProfile(Profiles.V1.class)
class MeshJwtTest extends MeshJwtContract {

    MeshJwtTest() {
        super("/reviews/0", JSON, withoutRatings("0", "null", "null"));
    }
}
