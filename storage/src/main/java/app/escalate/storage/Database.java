package app.escalate.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import org.flywaydb.core.Flyway;
import org.h2.store.fs.FileUtils;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.statement.StatementExceptions;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.Types;
import java.util.concurrent.atomic.AtomicReference;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The connection pool, migrated schema and Jdbi instance for one {@code DATABASE_URL}. */
public final class Database implements AutoCloseable {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Database.class);
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = configure(Jdbi.create(dataSource));
    }

    /**
     * Connects, migrates the schema to the latest version, and returns the ready database. An H2
     * file database whose migration fails part-way is put back as it was before (see
     * {@link H2Migration}); a database that cannot be written says so.
     */
    public static Database open(String jdbcUrl) {
        Optional<String> h2File = H2Migration.file(jdbcUrl);
        boolean existed = h2File.map(name -> FileUtils.exists(name + ".mv.db")).orElse(false);
        List<HikariDataSource> pools = new ArrayList<>();
        try {
            pools.add(firstPool(jdbcUrl, h2File));
            if (h2File.isPresent()) {
                H2Migration.guard(h2File.get(), existed, () -> last(pools).close(),
                        () -> flyway(last(pools), jdbcUrl).info().pending().length > 0,
                        () -> {
                            if (last(pools).isClosed()) pools.add(pool(jdbcUrl));
                            flyway(last(pools), jdbcUrl).migrate();
                        });
                if (last(pools).isClosed()) pools.add(pool(jdbcUrl));
            } else {
                flyway(last(pools), jdbcUrl).migrate();
            }
            return new Database(last(pools));
        } catch (RuntimeException e) {
            pools.forEach(HikariDataSource::close);
            throw unwritable(e, h2File).orElse(e);
        }
    }

    private static HikariDataSource last(List<HikariDataSource> pools) {
        return pools.get(pools.size() - 1);
    }

    /**
     * The pool, opened a second time when H2 could not write the file: H2 keeps a database whose
     * opening failed to write for the next connection in the same JVM, which then fails once with
     * that old error, though the disk has room again. (A new process never sees it.)
     */
    private static HikariDataSource firstPool(String jdbcUrl, Optional<String> h2File) {
        try {
            return pool(jdbcUrl);
        } catch (RuntimeException e) {
            if (unwritable(e, h2File).isEmpty()) throw e;
            return pool(jdbcUrl);
        }
    }

    private static HikariDataSource pool(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(durable(jdbcUrl));
        config.setPoolName("escalate");
        config.setMaximumPoolSize(8);
        // Fail fast when the database is gone, so a command can answer "try again" within Slack's 3 s.
        config.setConnectionTimeout(1_500);
        config.setValidationTimeout(1_000);
        AtomicReference<HikariDataSource> pool = new AtomicReference<>();
        config.setExceptionOverride(new ReopenClosedH2(pool));
        HikariDataSource dataSource = new HikariDataSource(config);
        pool.set(dataSource);
        return dataSource;
    }

    /**
     * For a start-up that failed because the database file could not be written (a full disk): an
     * error that says so, rather than what the write failure happened to break (a Flyway lock, say).
     */
    /** H2's "the object is already closed". */
    private static final int OBJECT_CLOSED = 90007;

    static Optional<RuntimeException> unwritable(RuntimeException e, Optional<String> h2File) {
        if (h2File.isEmpty()) return Optional.empty();
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) chain.add(t);
        Optional<Throwable> io = chain.stream().filter(t -> t instanceof IOException).reduce((outer, inner) -> inner);
        // H2 may close the database from its background writer, so the start-up's next statement
        // finds its objects closed (90007) rather than the write's failure: at start-up, the same cause.
        boolean h2Closed = chain.stream().anyMatch(t -> t instanceof SQLException sql && (ReopenClosedH2.closes(sql) || sql.getErrorCode() == OBJECT_CLOSED));
        if (io.isEmpty() && !h2Closed) return Optional.empty();
        IllegalStateException clear = new IllegalStateException("cannot write the H2 database " + h2File.get() + ".mv.db (is the disk full?)",
                io.orElse(null));
        clear.addSuppressed(e);
        return Optional.of(clear);
    }

    /**
     * An embedded H2 database closes itself when a write fails (a full disk, say), and every pooled
     * connection then answers "The database has been closed" for good, though each still passes
     * the pool's validity check. On that answer, all of them are dropped: the next connection opens
     * the database afresh from its file, which works as soon as the disk has room again.
     */
    static final class ReopenClosedH2 implements SQLExceptionOverride {
        /** H2's "the database has been closed" and "the database is closing" codes. */
        private static final java.util.Set<Integer> CLOSED = java.util.Set.of(90098, 90121);
        private final AtomicReference<HikariDataSource> pool;
        private final java.util.concurrent.atomic.AtomicLong lastWarned = new java.util.concurrent.atomic.AtomicLong();

        ReopenClosedH2(AtomicReference<HikariDataSource> pool) {
            this.pool = pool;
        }

        /** The database is closed, or is closing because its store could not write. */
        static boolean closes(SQLException e) {
            return CLOSED.contains(e.getErrorCode()) || String.valueOf(e.getMessage()).contains("MVStoreException");
        }

        @java.lang.Override
        public SQLExceptionOverride.Override adjudicate(SQLException e) {
            if (!closes(e)) return SQLExceptionOverride.Override.CONTINUE_EVICT;
            HikariDataSource dataSource = pool.get();
            if (dataSource != null && dataSource.getHikariPoolMXBean() != null) dataSource.getHikariPoolMXBean().softEvictConnections();
            long now = System.nanoTime();
            long last = lastWarned.get();
            if (now - last > 60_000_000_000L && lastWarned.compareAndSet(last, now)) {
                log.warn("database: H2 closed the database after a failed write (is the disk full?); opening it again on the next connection");
            }
            return SQLExceptionOverride.Override.MUST_EVICT;
        }
    }

    /**
     * H2 settings the bot relies on, unless the URL sets them itself. A file database writes each
     * commit before the commit returns (by default H2 writes it up to half a second later, so a
     * process killed just after acknowledging a command would lose it). And H2 does not close the
     * database from its own shutdown hook, which would race the bot's: on SIGTERM the outbox
     * worker still records what it delivers, and the pool closes the database last.
     */
    static String durable(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:") || jdbcUrl.startsWith("jdbc:h2:tcp:") || jdbcUrl.startsWith("jdbc:h2:ssl:")) return jdbcUrl;
        String upper = jdbcUrl.toUpperCase(java.util.Locale.ROOT);
        StringBuilder url = new StringBuilder(jdbcUrl);
        if (!jdbcUrl.startsWith("jdbc:h2:mem:") && !upper.contains(";WRITE_DELAY=")) url.append(";WRITE_DELAY=0");
        if (!upper.contains(";DB_CLOSE_ON_EXIT=")) url.append(";DB_CLOSE_ON_EXIT=FALSE");
        return url.toString();
    }

    private static Flyway flyway(DataSource dataSource, String jdbcUrl) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .placeholders(Map.of("binary", jdbcUrl.startsWith("jdbc:postgresql:") ? "BYTEA" : "BLOB"))
                .load();
    }

    static Jdbi configure(Jdbi jdbi) {
        // An error says what failed, never with the values bound to it: those are case text (a
        // restricted case's note, say), and errors end up in logs.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
        // Bind and read instants as UTC offsets, so no JVM time zone ever shifts a stored time.
        jdbi.registerArgument(new AbstractArgumentFactory<Instant>(Types.TIMESTAMP_WITH_TIMEZONE) {
            @Override
            protected Argument build(Instant value, ConfigRegistry config) {
                return (position, statement, ctx) -> statement.setObject(position, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
            }
        });
        jdbi.registerColumnMapper(Instant.class, (rs, column, ctx) -> {
            OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        });
        return jdbi;
    }

    /** For libraries that keep their own tables here (the scheduler). */
    public DataSource dataSource() {
        return dataSource;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** True when a connection can be had and answers within a second. */
    public boolean isReachable() {
        try (var connection = dataSource.getConnection()) {
            return connection.isValid(1);
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
