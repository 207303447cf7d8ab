package dev.bookinfo.reviews.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class ReviewsV1IT extends ReviewsV1Test {}
