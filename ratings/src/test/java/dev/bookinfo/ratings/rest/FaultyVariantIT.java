package dev.bookinfo.ratings.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusIntegrationTest
@TestProfile(FaultyVariantTest.AlwaysFaulty.class)
class FaultyVariantIT extends FaultyVariantTest {}
