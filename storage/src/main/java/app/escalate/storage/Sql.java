package app.escalate.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/** What the stores need to know about SQL errors, the same on H2 and PostgreSQL. */
final class Sql {
    private Sql() {
    }

    /** An integrity constraint (SQLSTATE class 23: unique, foreign key, not null) refused the write. */
    static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) return true;
        }
        return false;
    }

    /**
     * Runs {@code body} in a transaction; false, with nothing written, when an integrity constraint
     * refused a write in it (the row is there already: another replica, or an earlier try, wrote it).
     */
    static boolean once(org.jdbi.v3.core.Jdbi jdbi, org.jdbi.v3.core.HandleCallback<Boolean, RuntimeException> body) {
        try {
            return jdbi.inTransaction(body);
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            if (isConstraintViolation(e)) return false;
            throw e;
        }
    }

    /** A nullable timestamp column as an instant. */
    static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }
}
