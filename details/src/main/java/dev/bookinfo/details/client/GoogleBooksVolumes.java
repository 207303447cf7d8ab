package dev.bookinfo.details.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * The part of Google's {@code books#volumes} answer that details v2 reads. Everything else is ignored.
 * Parsed with Jackson outside of a REST signature, hence the explicit reflection registration for native.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record GoogleBooksVolumes(List<Volume> items) {

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Volume(VolumeInfo volumeInfo) {}

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record VolumeInfo(
            List<String> authors,
            String publisher,
            String publishedDate,
            List<IndustryIdentifier> industryIdentifiers,
            Integer pageCount,
            String printType,
            String language) {}

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IndustryIdentifier(String type, String identifier) {}
}
