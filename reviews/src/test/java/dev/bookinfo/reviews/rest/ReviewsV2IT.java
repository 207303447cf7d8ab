package dev.bookinfo.reviews.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class ReviewsV2IT extends ReviewsV2Test {}
