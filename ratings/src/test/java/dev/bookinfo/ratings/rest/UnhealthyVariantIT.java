package dev.bookinfo.ratings.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusIntegrationTest
@TestProfile(UnhealthyVariantTest.FirstPhase.class)
class UnhealthyVariantIT extends UnhealthyVariantTest {}
