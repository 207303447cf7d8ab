package dev.bookinfo.reviews.testing;

/** Exact response bodies of upstream reviews (docs/upstream.md#reviews-response), built from its literal strings. */
public final class ExpectedBodies {

    public static final String JSON = "application/json;charset=UTF-8";
    /** The content type of an error that reviews answers itself, as every service's error body. */
    public static final String ERROR_JSON = "application/json";

    public static final String UNAVAILABLE = "{\"error\":\"Ratings service is currently unavailable\"}";
    public static final String NOT_NUMERIC = "{\"error\":\"please provide numeric product id\"}";

    private static final String REVIEWER1 = "{\"reviewer\":\"Reviewer1\","
            + "\"text\":\"An extremely entertaining play by Shakespeare. The slapstick humour is refreshing!\"";
    private static final String REVIEWER2 = "{\"reviewer\":\"Reviewer2\","
            + "\"text\":\"Absolutely fun and entertaining. The play lacks thematic depth when compared to other plays by Shakespeare.\"";

    private ExpectedBodies() {}

    /** v1: no {@code rating} keys. */
    public static String withoutRatings(String id, String podname, String clustername) {
        return head(id, podname, clustername) + REVIEWER1 + "}," + REVIEWER2 + "}]}";
    }

    /** v2/v3: each rating is {@link #stars} or {@link #UNAVAILABLE}. */
    public static String withRatings(String id, String podname, String clustername, String rating1, String rating2) {
        return head(id, podname, clustername)
                + REVIEWER1 + ",\"rating\":" + rating1 + "},"
                + REVIEWER2 + ",\"rating\":" + rating2 + "}]}";
    }

    public static String stars(int stars, String color) {
        return "{\"stars\":" + stars + ",\"color\":\"" + color + "\"}";
    }

    private static String head(String id, String podname, String clustername) {
        return "{\"id\":\"" + id + "\",\"podname\":\"" + podname + "\",\"clustername\":\"" + clustername
                + "\",\"reviews\":[";
    }
}
