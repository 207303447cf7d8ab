import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;

/**
 * A MongoDB wire-protocol server in memory (de.bwaldvogel:mongo-java-server) for `./run-local.sh --ratings v2-mongodb`,
 * holding upstream's data (samples/bookinfo/src/mongodb/ratings_data.json): test.ratings with {rating: 5} and
 * {rating: 4}. Usage: java -cp CLASSPATH LocalMongoServer.java PORT. Stops on SIGTERM; the data goes with it.
 */
public class LocalMongoServer {

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        MemoryBackend backend = new MemoryBackend();
        backend.resolveDatabase("test").createCollectionOrThrowIfExists("ratings")
                .insertDocuments(List.of(new Document("rating", 5), new Document("rating", 4)));
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        System.out.println("MongoDB-protocol server on 127.0.0.1:" + port + ", test.ratings: {rating: 5}, {rating: 4}");
    }
}
