package dev.bookinfo.ratings.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusIntegrationTest
@TestProfile(FaultyVariantNeverFailingTest.NeverFaulty.class)
class FaultyVariantNeverFailingIT extends FaultyVariantNeverFailingTest {}
