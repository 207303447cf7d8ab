package dev.bookinfo.productpage.service;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The one book productpage knows (docs/upstream.md#productpage-routes, docs/upstream.md#the-product-page-markup).
 * {@code descriptionHtml} is trusted markup and is rendered unescaped.
 */
@RegisterForReflection
public record Product(int id, String title, String descriptionHtml) {

    /** Product 0, the only one upstream has. */
    public static final Product COMEDY_OF_ERRORS = new Product(
            0,
            "The Comedy of Errors",
            "<a href=\"https://en.wikipedia.org/wiki/The_Comedy_of_Errors\">Wikipedia Summary</a>: "
                    + "The Comedy of Errors is one of <b>William Shakespeare's</b> early plays. "
                    + "It is his shortest and one of his most farcical comedies, with a major part of the "
                    + "humour coming from slapstick and mistaken identity, in addition to puns and word play.");
}
