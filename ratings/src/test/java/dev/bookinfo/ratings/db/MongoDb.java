package dev.bookinfo.ratings.db;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;
import org.bson.Document;

/**
 * A MongoDB wire-protocol server ({@code de.bwaldvogel:mongo-java-server}, in memory) on a free port, loaded with
 * upstream's two documents (samples/bookinfo/src/mongodb/ratings_data.json: {@code {rating: 5}}, {@code {rating: 4}}
 * in {@code test.ratings}). The tests change the data with the real MongoDB driver.
 */
public final class MongoDb implements AutoCloseable {

    private final int port;
    private MongoServer server;

    private MongoDb(int port) {
        this.port = port;
    }

    public static MongoDb start() {
        MongoDb db = new MongoDb(FreePort.pick());
        db.restart();
        return db;
    }

    public String url() {
        return "mongodb://127.0.0.1:" + port + "/test";
    }

    public boolean running() {
        return server != null;
    }

    /** Replaces the collection with the given documents; none drops it. */
    public void ratings(Document... documents) {
        try (MongoClient client = MongoClients.create(url())) {
            MongoCollection<Document> ratings = client.getDatabase("test").getCollection("ratings");
            if (documents.length == 0) {
                ratings.drop();
            } else {
                ratings.deleteMany(new Document());
                ratings.insertMany(List.of(documents));
            }
        }
    }

    /** Upstream's two documents. */
    public void upstreamRatings() {
        ratings(new Document("rating", 5), new Document("rating", 4));
    }

    /** Stops the server: open connections are closed, new ones refused. The data goes with it. */
    public void stop() {
        if (server != null) {
            server.shutdownNow();
            server = null;
        }
    }

    /** Starts an empty server on the same port (after {@link #stop()}), with upstream's documents. */
    public void restart() {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", port);
            upstreamRatings();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
