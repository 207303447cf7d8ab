package dev.bookinfo.common.rest;

import dev.bookinfo.common.ProductIds;

/**
 * What a service answers to a product id that is not a decimal integer ({@link ProductIds}): upstream's status and
 * error text, which differ per service (docs/upstream.md#what-we-fix). details answers 400 with
 * {@code please provide numeric product id}, ratings 400 with {@code ... product ID}, reviews 404 (JAX-RS' answer to a
 * path parameter that does not convert to {@code int}) with the details text. Each service states its rule once;
 * the resource takes the id with {@link #parseLong} or {@link #parseInt}, and {@link ErrorMappers} turns the
 * {@link InvalidProductId} into the {@link ErrorBody} answer.
 */
public record ProductIdRule(int status, String error) {

    /** details' and reviews' text, with a lower-case "id". */
    public static final String NOT_NUMERIC = "please provide numeric product id";

    /** The 64-bit id in {@code text}. */
    public long parseLong(String text) {
        return ProductIds.parseLong(text).orElseThrow(this::rejected);
    }

    /** The 32-bit id in {@code text}. */
    public int parseInt(String text) {
        return ProductIds.parseInt(text).orElseThrow(this::rejected);
    }

    /** The exception that makes the request end with this rule's answer. */
    public InvalidProductId rejected() {
        return new InvalidProductId(this);
    }

    /** An expected client mistake: no stack trace is filled in, and none is ever logged. */
    public static final class InvalidProductId extends RuntimeException {

        private final transient ProductIdRule rule;

        InvalidProductId(ProductIdRule rule) {
            super("product id is not a decimal integer", null, false, false);
            this.rule = rule;
        }

        public ProductIdRule rule() {
            return rule;
        }
    }
}
