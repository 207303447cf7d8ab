package dev.bookinfo.productpage.rest;

import dev.bookinfo.productpage.testing.TracingOn;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusIntegrationTest
@TestProfile(TracingOn.class)
class HeaderPropagationIT extends HeaderPropagationTest {}
