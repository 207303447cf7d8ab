package dev.bookinfo.ratings.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusIntegrationTest
@TestProfile(UnhealthyVariantTogglingTest.ShortPeriod.class)
class UnhealthyVariantTogglingIT extends UnhealthyVariantTogglingTest {}
