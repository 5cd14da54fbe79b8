package app.escalate.bot;

import app.escalate.storage.Database;
import app.escalate.storage.Outbox;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * {@code GET /healthz}: 200 when the database answers, 503 when it does not. Where details are
 * allowed (the management port, or a loopback request on the public one) the body also says
 * whether the database is up and how many Slack effects wait in the outbox; to anyone else, only
 * whether the bot is up.
 */
final class HealthRoute {
    private final Database database;
    private final Outbox outbox;

    HealthRoute(Database database, Outbox outbox) {
        this.database = database;
        this.outbox = outbox;
    }

    /** Up or not, and nothing more. */
    Handler summary() {
        return ctx -> answer(ctx, false);
    }

    /** With the database and the outbox backlog. */
    Handler details() {
        return ctx -> answer(ctx, true);
    }

    /** Details for a request {@link ManagementAccess} lets see them, the summary for the rest. */
    Handler detailsForManagement() {
        return ctx -> answer(ctx, ManagementAccess.allowed(ctx));
    }

    private void answer(Context ctx, boolean details) {
        String backlog = null;
        try {
            if (database.isReachable()) backlog = Long.toString(outbox.backlog());
        } catch (RuntimeException e) {
            backlog = null; // went away between the two questions
        }
        boolean up = backlog != null;
        String status = "{\"status\":\"" + (up ? "ok" : "unavailable") + "\"";
        ctx.status(up ? 200 : 503).contentType("application/json")
                .result(details ? status + ",\"database\":\"" + (up ? "up" : "down") + "\",\"outbox_backlog\":" + backlog + "}" : status + "}");
    }
}
