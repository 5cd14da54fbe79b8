package app.escalate.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

import javax.sql.DataSource;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/** The connection pool, migrated schema and Jdbi instance for one {@code DATABASE_URL}. */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = configure(Jdbi.create(dataSource));
    }

    /** Connects, migrates the schema to the latest version, and returns the ready database. */
    public static Database open(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(durable(jdbcUrl));
        config.setPoolName("escalate");
        config.setMaximumPoolSize(8);
        // Fail fast when the database is gone, so a command can answer "try again" within Slack's 3 s.
        config.setConnectionTimeout(1_500);
        config.setValidationTimeout(1_000);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            migrate(dataSource, jdbcUrl);
            return new Database(dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
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

    static void migrate(DataSource dataSource, String jdbcUrl) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .placeholders(Map.of("binary", jdbcUrl.startsWith("jdbc:postgresql:") ? "BYTEA" : "BLOB"))
                .load().migrate();
    }

    static Jdbi configure(Jdbi jdbi) {
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
