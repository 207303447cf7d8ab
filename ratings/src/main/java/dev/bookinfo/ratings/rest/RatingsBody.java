package dev.bookinfo.ratings.rest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code {"id":0,"ratings":{"Reviewer1":5,"Reviewer2":4}}}, as UTF-8 bytes; {@code ratings} is compact JSON (what
 * was posted, as the store keeps it) copied as it is, so that a GET neither parses nor re-encodes it.
 */
final class RatingsBody {

    private RatingsBody() {}

    static byte[] of(long id, byte[] ratings) {
        byte[] head = ("{\"id\":" + id + ",\"ratings\":").getBytes(StandardCharsets.US_ASCII);
        byte[] body = Arrays.copyOf(head, head.length + ratings.length + 1);
        System.arraycopy(ratings, 0, body, head.length, ratings.length);
        body[body.length - 1] = '}';
        return body;
    }
}
