package dev.bookinfo.details.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class HealthResourceIT extends HealthResourceTest {}
