package app.escalate.bot.sandbox;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps other web pages out of the sandbox. It listens on localhost, but any page the user opens
 * can send requests there (a form post as {@code text/plain} needs no preflight) or, by DNS
 * rebinding a name of its own to 127.0.0.1, read the answers. So every request must name a
 * localhost Host; a request a browser sends from another origin is refused; the page's own
 * requests must be JSON (which another origin cannot send without a preflight we never allow);
 * and the workspace's Web API answers only the bot's token.
 */
final class SandboxGuard {
    private static final Pattern LOCAL_HOST = Pattern.compile("(localhost|127\\.0\\.0\\.1|\\[::1\\])(:\\d{1,5})?");
    /** What the page itself sends; the rest of the sandbox's POST routes are called by the bot. */
    private static final Set<String> PAGE_ACTIONS = Set.of("/sandbox/command", "/sandbox/action", "/sandbox/submit", "/sandbox/clock",
            "/sandbox/cancel", "/sandbox/read", "/sandbox/shortcut", "/sandbox/react");

    private final int port;
    private final String botToken;

    SandboxGuard(int port, String botToken) {
        this.port = port;
        this.botToken = botToken;
    }

    /** Runs before every request; refuses with 403 whatever a page from elsewhere could have sent. */
    void check(Context ctx) {
        String host = ctx.header("Host");
        if (host == null || !LOCAL_HOST.matcher(host.toLowerCase(Locale.ROOT)).matches()) {
            throw new ForbiddenResponse("The sandbox answers only requests to localhost.");
        }
        String origin = ctx.header("Origin");
        if (origin != null && !sameOrigin(origin)) throw new ForbiddenResponse("The sandbox answers only its own page.");
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !Set.of("same-origin", "none").contains(site)) throw new ForbiddenResponse("The sandbox answers only its own page.");
        if (ctx.method() != HandlerType.POST) return;
        if (PAGE_ACTIONS.contains(ctx.path()) && !isJson(ctx.header("Content-Type"))) {
            throw new ForbiddenResponse("The sandbox's page sends JSON.");
        }
        if (ctx.path().startsWith("/sandbox/api/") && !("Bearer " + botToken).equals(ctx.header("Authorization"))) {
            ctx.status(200).contentType("application/json").result("{\"ok\":false,\"error\":\"invalid_auth\"}");
            ctx.skipRemainingHandlers();
        }
    }

    private boolean sameOrigin(String origin) {
        String o = origin.toLowerCase(Locale.ROOT);
        return o.equals("http://localhost:" + port) || o.equals("http://127.0.0.1:" + port) || o.equals("http://[::1]:" + port);
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
    }
}
