package dev.bookinfo.details.service;

import dev.bookinfo.details.config.DetailsConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Chooses between the built-in book (v1) and Google Books (v2, {@code ENABLE_EXTERNAL_BOOK_SERVICE=true}). */
@ApplicationScoped
public class DetailsService {

    private final DetailsConfig config;
    private final ExternalBookService externalBooks;

    DetailsService(DetailsConfig config, ExternalBookService externalBooks) {
        this.config = config;
        this.externalBooks = externalBooks;
    }

    /** The details of book {@code id}; fails with {@link BookLookupException} only in v2. */
    public Uni<BookDetails> details(long id) {
        if (config.externalBookServiceEnabled()) {
            return externalBooks.lookUp(id);
        }
        return Uni.createFrom().item(BookDetails.comedyOfErrors(id));
    }
}
