package dev.bookinfo.reviews.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class ReviewsV3IT extends ReviewsV3Test {}
