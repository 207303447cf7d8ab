package dev.bookinfo.ratings.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusIntegrationTest
@TestProfile(BoundedStoreTest.SmallStore.class)
class BoundedStoreIT extends BoundedStoreTest {}
