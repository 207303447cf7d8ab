package dev.bookinfo.reviews.rest;

import static dev.bookinfo.reviews.support.ExpectedBodies.JSON;
import static dev.bookinfo.reviews.support.ExpectedBodies.withoutRatings;

import dev.bookinfo.reviews.support.Profiles;
import dev.bookinfo.security.testing.MeshJwtContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** DESIGN 5, {@code JWT_MODE=mesh} (the default): the mesh checks tokens, reviews checks none. */
@QuarkusTest
@TestProfile(Profiles.V1.class)
class MeshJwtTest extends MeshJwtContract {

    MeshJwtTest() {
        super("/reviews/0", JSON, withoutRatings("0", "null", "null"));
    }
}
