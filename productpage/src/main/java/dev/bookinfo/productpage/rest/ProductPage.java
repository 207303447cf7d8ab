package dev.bookinfo.productpage.rest;

import dev.bookinfo.productpage.service.BookDetails;
import dev.bookinfo.productpage.service.BookReviews;
import dev.bookinfo.productpage.service.Product;
import io.quarkus.qute.TemplateInstance;

/**
 * The book page ({@code templates/ProductPage.html}), checked at build time.
 *
 * @param product the book
 * @param user the signed-in user, or {@code null}
 * @param oidc whether "Sign in" goes to the OpenID Connect provider ({@code /login}) instead of the demo form
 * @param details the details, or {@code null} when details failed
 * @param detailsError the text shown when details failed
 * @param reviews the reviews, or {@code null} when reviews failed
 * @param reviewsError the text shown when reviews failed
 */
record ProductPage(
        Product product,
        String user,
        boolean oidc,
        BookDetails details,
        String detailsError,
        BookReviews reviews,
        String reviewsError)
        implements TemplateInstance {}
