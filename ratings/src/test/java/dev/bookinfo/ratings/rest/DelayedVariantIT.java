package dev.bookinfo.ratings.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusIntegrationTest
@TestProfile(DelayedVariantTest.AlwaysDelayed.class)
class DelayedVariantIT extends DelayedVariantTest {}
