package dev.bookinfo.ratings.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusIntegrationTest
@TestProfile(DelayedVariantNeverDelayingTest.NeverDelayed.class)
class DelayedVariantNeverDelayingIT extends DelayedVariantNeverDelayingTest {}
