package dev.bookinfo.details.rest;

import dev.bookinfo.security.testing.RefusedTokenLogContract;
import dev.bookinfo.security.testing.StandaloneJwtProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@code JWT_MODE=standalone}: a refused token is one escaped, short WARN line (see {@link RefusedTokenLogContract}). */
@QuarkusTest
@TestProfile(StandaloneJwtProfile.class)
class RefusedTokenLogTest extends RefusedTokenLogContract {

    RefusedTokenLogTest() {
        super("/details/0");
    }
}
