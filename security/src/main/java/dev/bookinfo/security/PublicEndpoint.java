package dev.bookinfo.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a REST resource class whose every method answers without an access token in {@code JWT_MODE=standalone}
 * (upstream's {@code /health}). {@link AccessTokenFilter} looks for it on the class the router matched, so whatever
 * the spelling of a request ({@code /health/../details/0}), the resource that serves it decides.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PublicEndpoint {}
