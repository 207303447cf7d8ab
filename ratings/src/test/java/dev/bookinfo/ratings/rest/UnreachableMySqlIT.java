package dev.bookinfo.ratings.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class UnreachableMySqlIT extends UnreachableMySqlTest {}
