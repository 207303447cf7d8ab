package dev.bookinfo.reviews.rest;

import dev.bookinfo.reviews.testing.StandaloneJwtProfile;
import dev.bookinfo.security.testing.RefusedTokenLogContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@code JWT_MODE=standalone}: a refused token is one escaped, short WARN line (see {@link RefusedTokenLogContract}). */
@QuarkusTest
@TestProfile(StandaloneJwtProfile.class)
class RefusedTokenLogTest extends RefusedTokenLogContract {

    RefusedTokenLogTest() {
        super("/reviews/0");
    }
}
