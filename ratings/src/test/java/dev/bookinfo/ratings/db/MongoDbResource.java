package dev.bookinfo.ratings.db;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts a {@link MongoDb} and runs ratings as v2 on MongoDB against it (DB_TYPE unset, like upstream's
 * {@code ratings-v2} Deployment). The server lives in the test JVM; a test field annotated {@link DatabaseServer}
 * receives it.
 */
public class MongoDbResource implements QuarkusTestResourceLifecycleManager {

    private MongoDb db;

    @Override
    public Map<String, String> start() {
        db = MongoDb.start();
        return Map.of("SERVICE_VERSION", "v2", "MONGO_DB_URL", db.url());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(db, new TestInjector.AnnotatedAndMatchesType(DatabaseServer.class, MongoDb.class));
    }

    @Override
    public void stop() {
        if (db != null) {
            db.close();
        }
    }
}
