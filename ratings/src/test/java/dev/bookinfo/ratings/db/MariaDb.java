package dev.bookinfo.ratings.db;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real MariaDB server from the Debian package ({@code apt-get install -y mariadb-server}), started for a test
 * class on a free port with its own data directory under {@code target/}, loaded with upstream's schema and rows
 * ({@code src/main/db/mysqldb-init.sql}). Ratings connects as {@code root}/{@code password} over TCP, like upstream's
 * Deployment; the tests change the data as the operating system's root over the socket.
 */
public final class MariaDb implements AutoCloseable {

    public static final String USER = "root";
    public static final String PASSWORD = "password";
    private static final Path INIT_SQL = Path.of("src", "main", "db", "mysqldb-init.sql");

    private final Path dir;
    private final int port;
    private Process server;

    private MariaDb(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Installs a fresh data directory under {@code target/mariadb/}, starts the server and loads upstream's data. */
    public static MariaDb start() {
        for (String tool : List.of("/usr/bin/mariadb-install-db", "/usr/sbin/mariadbd", "/usr/bin/mariadb")) {
            if (!Files.isExecutable(Path.of(tool))) {
                throw new IllegalStateException(
                        tool + " is missing: the MySQL tests of ratings v2 run against Debian's "
                                + "MariaDB; install it with `apt-get install -y mariadb-server` (it need not be running)");
            }
        }
        try {
            Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "mariadb")), "db-")
                    .toAbsolutePath();
            run(
                    List.of(
                            "/usr/bin/mariadb-install-db",
                            "--no-defaults",
                            "--user=root",
                            "--datadir=" + dir.resolve("data"),
                            "--skip-test-db",
                            "--auth-root-authentication-method=socket"),
                    dir.resolve("install.log"));
            MariaDb db = new MariaDb(dir, FreePort.pick());
            db.startServer();
            db.sql("CREATE USER 'root'@'%' IDENTIFIED BY '" + PASSWORD
                    + "'; GRANT ALL PRIVILEGES ON *.* TO 'root'@'%';");
            db.sql(Files.readString(INIT_SQL));
            return db;
        } catch (IOException e) {
            throw new IllegalStateException("could not start MariaDB: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    public boolean running() {
        return server != null && server.isAlive();
    }

    /** Runs SQL statements as the server's root, over the socket. */
    public void sql(String statements) {
        try {
            Path input = Files.writeString(dir.resolve("statements.sql"), statements);
            ProcessBuilder builder = new ProcessBuilder(
                            "/usr/bin/mariadb",
                            "--no-defaults",
                            "--user=root",
                            "--socket=" + dir.resolve("sock"),
                            "--batch")
                    .redirectInput(input.toFile())
                    .redirectErrorStream(true);
            Process client = builder.start();
            String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!client.waitFor(30, TimeUnit.SECONDS) || client.exitValue() != 0) {
                throw new IllegalStateException("SQL failed: " + statements + "\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run the mariadb client", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Replaces the table with upstream's two rows. */
    public void upstreamRows() {
        sql("USE test; DROP TABLE IF EXISTS ratings; CREATE TABLE ratings (ReviewID INT NOT NULL, Rating INT, "
                + "PRIMARY KEY (ReviewID)); INSERT INTO ratings VALUES (1, 5), (2, 4);");
    }

    /** Stops the server as an operator would (SIGTERM), keeping the data. */
    public void stop() {
        if (server == null) {
            return;
        }
        server.destroy();
        try {
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server = null;
    }

    /** Starts the stopped server again on the same port and data directory. */
    public void restart() {
        if (!running()) {
            startServer();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void startServer() {
        try {
            server = new ProcessBuilder(
                            "/usr/sbin/mariadbd",
                            "--no-defaults",
                            "--user=root",
                            "--datadir=" + dir.resolve("data"),
                            "--port=" + port,
                            "--bind-address=127.0.0.1",
                            "--socket=" + dir.resolve("sock"),
                            "--pid-file=" + dir.resolve("mariadb.pid"),
                            "--log-error=" + dir.resolve("error.log"),
                            "--tmpdir=" + dir,
                            "--skip-name-resolve",
                            "--skip-log-bin",
                            "--innodb-buffer-pool-size=16M")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("server.out").toFile()))
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                if (!server.isAlive()) {
                    throw new IllegalStateException("MariaDB exited at startup; see " + dir.resolve("error.log"));
                }
                if (Files.exists(dir.resolve("sock")) && accepts()) {
                    return;
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException(
                    "MariaDB did not accept connections within 60 s; see " + dir.resolve("error.log"));
        } catch (IOException e) {
            throw new IllegalStateException("could not start mariadbd", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static void run(List<String> command, Path log) throws IOException {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
