package dev.bookinfo.reviews.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class ProductIdIT extends ProductIdTest {}
