package dev.bookinfo.productpage.testing;

/**
 * Backend bodies as the upstream services send them (docs/upstream.md#details-routes,
 * docs/upstream.md#reviews-response, docs/upstream.md#ratings-routes).
 */
public final class Fixtures {

    public static final String DETAILS_V1 = "{\"id\":0,\"author\":\"William Shakespeare\",\"year\":1595,"
            + "\"type\":\"paperback\",\"pages\":200,\"publisher\":\"PublisherA\",\"language\":\"English\","
            + "\"ISBN-10\":\"1234567890\",\"ISBN-13\":\"123-1234567890\"}";

    /** {@link #DETAILS_V1} as productpage re-serialises it. */
    public static final String DETAILS_V1_OUT = "{\"id\": 0, \"author\": \"William Shakespeare\", \"year\": 1595, "
            + "\"type\": \"paperback\", \"pages\": 200, \"publisher\": \"PublisherA\", \"language\": \"English\", "
            + "\"ISBN-10\": \"1234567890\", \"ISBN-13\": \"123-1234567890\"}";

    public static final String RATINGS_V1 = "{\"id\":0,\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}";
    public static final String RATINGS_V1_OUT = "{\"id\": 0, \"ratings\": {\"Reviewer1\": 5, \"Reviewer2\": 4}}";

    public static final String TEXT1 =
            "An extremely entertaining play by Shakespeare. The slapstick humour is refreshing!";
    public static final String TEXT2 =
            "Absolutely fun and entertaining. The play lacks thematic depth when compared to "
                    + "other plays by Shakespeare.";

    public static final String REVIEWS_V1 = reviews("reviews-v1-5c8d9f", "null", "", "");
    public static final String REVIEWS_V2 = reviews(
            "reviews-v2-7d4b8c",
            "null",
            ", \"rating\": {\"stars\": 5, \"color\": \"black\"}",
            ", \"rating\": {\"stars\": 4, \"color\": \"black\"}");
    public static final String REVIEWS_V3 = reviews(
            "reviews-v3-9f2e1a",
            "null",
            ", \"rating\": {\"stars\": 5, \"color\": \"red\"}",
            ", \"rating\": {\"stars\": 4, \"color\": \"red\"}");
    public static final String REVIEWS_RATINGS_DOWN = reviews(
            "reviews-v2-7d4b8c",
            "null",
            ", \"rating\": {\"error\": \"Ratings service is currently unavailable\"}",
            ", \"rating\": {\"error\": \"Ratings service is currently unavailable\"}");

    /** {@link #REVIEWS_V2} as productpage re-serialises it. */
    public static final String REVIEWS_V2_OUT = "{\"id\": \"0\", \"podname\": \"reviews-v2-7d4b8c\", "
            + "\"clustername\": \"null\", \"reviews\": [{\"reviewer\": \"Reviewer1\", \"text\": \"" + TEXT1 + "\", "
            + "\"rating\": {\"stars\": 5, \"color\": \"black\"}}, {\"reviewer\": \"Reviewer2\", \"text\": \""
            + TEXT2 + "\", \"rating\": {\"stars\": 4, \"color\": \"black\"}}]}";

    private Fixtures() {}

    /** A reviews body with the Java service's odd spacing; {@code ratingN} is appended to review N. */
    public static String reviews(String podname, String clustername, String rating1, String rating2) {
        return "{\"id\": \"0\",\"podname\": \"" + podname + "\",\"clustername\": \"" + clustername + "\","
                + "\"reviews\": [{  \"reviewer\": \"Reviewer1\",  \"text\": \"" + TEXT1 + "\"" + rating1 + "},"
                + "{  \"reviewer\": \"Reviewer2\",  \"text\": \"" + TEXT2 + "\"" + rating2 + "}]}";
    }

    /** A reviews body (v2 shape) with the given star counts and colour. */
    public static String reviewsWithStars(int stars1, int stars2, String color) {
        return reviews(
                "reviews-v2-7d4b8c",
                "null",
                ", \"rating\": {\"stars\": " + stars1 + ", \"color\": \"" + color + "\"}",
                ", \"rating\": {\"stars\": " + stars2 + ", \"color\": \"" + color + "\"}");
    }
}
