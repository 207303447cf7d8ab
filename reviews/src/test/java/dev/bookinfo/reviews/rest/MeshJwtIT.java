package dev.bookinfo.reviews.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class MeshJwtIT extends MeshJwtTest {}
