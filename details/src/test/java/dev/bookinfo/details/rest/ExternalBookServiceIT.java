package dev.bookinfo.details.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class ExternalBookServiceIT extends ExternalBookServiceTest {}
