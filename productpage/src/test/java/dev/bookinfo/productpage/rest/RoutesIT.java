package dev.bookinfo.productpage.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class RoutesIT extends RoutesTest {}
