package dev.bookinfo.details.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class MeshJwtIT extends MeshJwtTest {}
