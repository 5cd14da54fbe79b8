package app.escalate.storage;

import java.sql.SQLException;

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
}
