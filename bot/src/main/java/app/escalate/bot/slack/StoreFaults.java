package app.escalate.bot.slack;

import org.jdbi.v3.core.ConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * What to tell a person when handling their request failed: "can't reach its database" only
 * when the database really could not be reached, so that a fault of ours (a value too long for
 * its column, a bug) is never passed off as an outage and retried in vain.
 */
final class StoreFaults {
    private static final Logger log = LoggerFactory.getLogger(StoreFaults.class);
    static final String DATABASE_DOWN = "Escalate can't reach its database right now, so nothing was changed. "
            + "Try again in a minute.";
    static final String BROKEN = "Something went wrong on our side and nothing was changed. Try again, "
            + "or tell the Escalate maintainers if it keeps happening.";

    private StoreFaults() {
    }

    /**
     * The database is out of reach: no connection to be had in time, the connection lost, the
     * server shutting down (SQLSTATE classes 08 and 57P), or a network refusal.
     */
    static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof ConnectException) return true;
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) return true;
        }
        return false;
    }

    /** The sentence for the person; a fault that is not an outage is logged in full, as the bug it is. */
    static String answer(RuntimeException e) {
        if (unreachable(e)) {
            log.warn("the database could not be reached: {}", e.toString());
            return DATABASE_DOWN;
        }
        log.error("a request failed", e);
        return BROKEN;
    }

    /** One line for a log. */
    static String describe(RuntimeException e) {
        return (unreachable(e) ? "database unreachable: " : "") + e;
    }
}
