package dev.bookinfo.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;

/** What a product page shows: all of it, or upstream's error block for the backend that is missing. */
final class Pages {

    static final String DETAILS_ERROR = "Error fetching product details";
    static final String REVIEWS_ERROR = "Sorry, product reviews are currently unavailable for this book.";
    static final String RATINGS_ERROR = "Ratings service is currently unavailable";
    /** reviews v2 (black stars): reviewer 1 gives 5 stars, reviewer 2 gives 4. */
    static final int STARS = 9;

    enum Kind {
        WHOLE,
        NO_DETAILS,
        NO_REVIEWS,
        NO_RATINGS,
        OTHER
    }

    private Pages() {}

    static Kind kind(String page) {
        boolean details = page.contains("PublisherA");
        boolean reviews = page.contains("Reviewer1") && page.contains("Reviewer2");
        int stars = count(page, "glyphicon glyphicon-star\"");
        if (details && reviews && stars == STARS && !page.contains(RATINGS_ERROR)) {
            return Kind.WHOLE;
        }
        if (!details && page.contains(DETAILS_ERROR) && reviews && stars == STARS) {
            return Kind.NO_DETAILS;
        }
        if (details && !reviews && page.contains(REVIEWS_ERROR)) {
            return Kind.NO_REVIEWS;
        }
        if (details && reviews && stars == 0 && count(page, RATINGS_ERROR) == 2) {
            return Kind.NO_RATINGS;
        }
        return Kind.OTHER;
    }

    static void assertWhole(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), "GET /productpage");
        assertEquals(Kind.WHOLE, kind(response.body()), () -> "the page is not whole:\n" + response.body());
    }

    static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
