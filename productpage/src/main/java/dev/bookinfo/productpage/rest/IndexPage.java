package dev.bookinfo.productpage.rest;

import io.quarkus.qute.TemplateInstance;

/**
 * The index page ({@code templates/IndexPage.html}) with the service tree, showing the configured
 * backend URLs.
 */
record IndexPage(String detailsUrl, String reviewsUrl, String ratingsUrl) implements TemplateInstance {}
