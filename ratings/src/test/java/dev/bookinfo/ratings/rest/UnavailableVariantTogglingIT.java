package dev.bookinfo.ratings.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusIntegrationTest
@TestProfile(UnavailableVariantTogglingTest.ShortPeriod.class)
class UnavailableVariantTogglingIT extends UnavailableVariantTogglingTest {}
