package app.escalate.bot;

import app.escalate.storage.Database;
import app.escalate.storage.Outbox;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /healthz}: 200 when the database answers, 503 when it does not. Where details are
 * allowed (the management port, or a loopback request on the public one) the body also says
 * whether the database is up, how many Slack effects wait in the outbox and how many were given
 * up on, which cases' channel or card Slack refused for good, and what the set-up check after
 * start-up found wrong with the app in Slack; to anyone else, only whether the bot is up.
 */
final class HealthRoute {
    /** How many refused cases the details name, newest first. */
    static final int REFUSALS_SHOWN = 20;
    /** An operator reads the details with curl: apostrophes and ampersands in them stay as written. */
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    private final Database database;
    private final Outbox outbox;
    private final SetupStatus setup;

    HealthRoute(Database database, Outbox outbox, SetupStatus setup) {
        this.database = database;
        this.outbox = outbox;
        this.setup = setup;
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

    private static Map<String, String> refusal(Outbox.CaseRefusal r) {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("case", r.caseId().toString());
        json.put("effect", r.effect());
        json.put("error", r.error());
        return json;
    }

    private void answer(Context ctx, boolean details) {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> more = new LinkedHashMap<>();
        boolean up;
        try {
            up = database.isReachable();
            if (up) {
                more.put("outbox_backlog", outbox.backlog());
                if (details) {
                    more.put("outbox_failed", outbox.failedCount());
                    more.put("cases_refused", outbox.refusedCases(REFUSALS_SHOWN).stream().map(HealthRoute::refusal).toList());
                }
            }
        } catch (RuntimeException e) {
            up = false; // went away between the questions
        }
        body.put("status", up ? "ok" : "unavailable");
        if (details) {
            body.put("database", up ? "up" : "down");
            body.put("outbox_backlog", up ? more.get("outbox_backlog") : null);
            if (up) body.putAll(more);
            setup.problems().ifPresent(problems -> body.put("slack_setup", problems));
        }
        ctx.status(up ? 200 : 503).contentType("application/json").result(GSON.toJson(body));
    }
}
