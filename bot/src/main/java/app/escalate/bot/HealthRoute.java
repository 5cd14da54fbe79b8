package app.escalate.bot;

import app.escalate.storage.Database;
import app.escalate.storage.Outbox;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * {@code GET /healthz}: 200 when the database answers, 503 when it does not; the body also
 * says how many Slack effects wait in the outbox.
 */
final class HealthRoute implements Handler {
    private final Database database;
    private final Outbox outbox;

    HealthRoute(Database database, Outbox outbox) {
        this.database = database;
        this.outbox = outbox;
    }

    @Override
    public void handle(Context ctx) {
        String backlog = null;
        try {
            if (database.isReachable()) backlog = Long.toString(outbox.backlog());
        } catch (RuntimeException e) {
            backlog = null; // went away between the two questions
        }
        boolean up = backlog != null;
        ctx.status(up ? 200 : 503).contentType("application/json")
                .result("{\"status\":\"" + (up ? "ok" : "unavailable") + "\",\"database\":\"" + (up ? "up" : "down")
                        + "\",\"outbox_backlog\":" + backlog + "}");
    }
}
