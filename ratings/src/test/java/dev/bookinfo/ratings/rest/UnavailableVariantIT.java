package dev.bookinfo.ratings.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusIntegrationTest
@TestProfile(UnavailableVariantTest.FirstPhase.class)
class UnavailableVariantIT extends UnavailableVariantTest {}
