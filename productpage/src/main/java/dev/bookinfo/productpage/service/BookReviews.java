package dev.bookinfo.productpage.service;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The reviews response as the page uses it (docs/upstream.md#reviews-response, docs/upstream.md#page-rendering-rules).
 *
 * @param podname the reviews pod that answered
 * @param clustername its cluster; the string {@code "null"} means "not set"
 * @param reviews the reviews, in the order reviews sent them
 */
@RegisterForReflection
public record BookReviews(String podname, String clustername, List<Review> reviews) {

    public BookReviews {
        podname = Objects.requireNonNullElse(podname, "");
        reviews = reviews == null
                ? List.of()
                : reviews.stream().filter(Objects::nonNull).toList();
    }

    /** Upstream hides " on cluster ..." when reviews sends the string "null"; we also hide a missing one. */
    public boolean showsCluster() {
        return clustername != null && !clustername.isBlank() && !"null".equals(clustername);
    }

    /** One review; {@code rating} is absent for reviews v1. */
    @RegisterForReflection
    public record Review(String reviewer, String text, Rating rating) {

        public Review {
            reviewer = Objects.requireNonNullElse(reviewer, "");
            text = Objects.requireNonNullElse(text, "");
        }
    }

    /**
     * Stars and colour, or the ratings error. Upstream draws stars when {@code stars} is truthy, else shows
     * {@code error} if there is one: {@code stars: 0} draws nothing, and so does a negative count.
     */
    @RegisterForReflection
    public record Rating(Integer stars, String color, String error) {

        /** The most stars drawn: a five-star scale, and a bound on the markup a backend can make us emit. */
        public static final int MAX_STARS = 5;

        private static final Pattern NOT_A_CLASS_CHARACTER = Pattern.compile("[^A-Za-z0-9-]");

        public int filledStars() {
            return stars == null || stars <= 0 ? 0 : Math.min(stars, MAX_STARS);
        }

        public int emptyStars() {
            return filledStars() == 0 ? 0 : MAX_STARS - filledStars();
        }

        public boolean showsError() {
            return (stars == null || stars == 0) && error != null;
        }

        /** A CSS class for the colour ({@code stars-black}, {@code stars-red}, ...). */
        public String colorClass() {
            String name =
                    color == null ? "" : NOT_A_CLASS_CHARACTER.matcher(color).replaceAll("");
            return name.isEmpty() ? "stars" : "stars stars-" + name.toLowerCase(Locale.ROOT);
        }
    }
}
