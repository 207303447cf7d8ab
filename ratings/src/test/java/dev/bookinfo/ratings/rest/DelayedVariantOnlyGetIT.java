package dev.bookinfo.ratings.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusIntegrationTest
@TestProfile(DelayedVariantOnlyGetTest.HourLongDelay.class)
class DelayedVariantOnlyGetIT extends DelayedVariantOnlyGetTest {}
