package dev.bookinfo.ratings.db;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts a {@link MariaDb} and runs ratings as v2 on MySQL against it, as root like upstream's Deployment. Works for
 * {@code @QuarkusTest} and for the packaged jar ({@code @QuarkusIntegrationTest}); the server lives in the test JVM,
 * and a test field annotated {@link DatabaseServer} receives it.
 */
public class MariaDbResource implements QuarkusTestResourceLifecycleManager {

    private MariaDb db;

    @Override
    public Map<String, String> start() {
        db = MariaDb.start();
        return Map.of(
                "SERVICE_VERSION",
                "v2",
                "DB_TYPE",
                "mysql",
                "MYSQL_DB_HOST",
                "127.0.0.1",
                "MYSQL_DB_PORT",
                Integer.toString(db.port()),
                "MYSQL_DB_USER",
                MariaDb.USER,
                "MYSQL_DB_PASSWORD",
                MariaDb.PASSWORD);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(db, new TestInjector.AnnotatedAndMatchesType(DatabaseServer.class, MariaDb.class));
    }

    @Override
    public void stop() {
        if (db != null) {
            db.close();
        }
    }
}
