package dev.bookinfo.productpage.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class LoginIT extends LoginTest {}
