package app.escalate.bot.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.IgnoringSelfEvents;
import com.slack.api.bolt.middleware.builtin.RequestVerification;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import com.slack.api.bolt.middleware.builtin.SingleTeamAuthorization;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bolt's single-workspace authorization, except that Slack being down or slow does not hold up or
 * turn away requests. Bolt asks {@code auth.test} when the app is built and again whenever its cache
 * expires, in the request, and refuses every request (and start-up) while that call fails; but
 * commands only write to the database and the outbox, so they can answer while Slack is down. Here
 * {@code auth.test} is asked in the background: at the first request, every {@link #RECHECK} after,
 * and every {@link #RETRY} while it fails. Requests use the last answer, or go on without the bot's ids
 * until there is one. A token Slack says is invalid (or revoked) is refused.
 */
public final class OutageTolerantAuthorization extends SingleTeamAuthorization {
    private static final Logger log = LoggerFactory.getLogger(OutageTolerantAuthorization.class);
    private static final Set<String> TOKEN_ERRORS = Set.of("invalid_auth", "not_authed", "account_inactive",
            "token_revoked", "token_expired", "no_permission", "missing_scope");
    static final Duration RECHECK = Duration.ofMinutes(10);
    static final Duration RETRY = Duration.ofSeconds(30);

    /** The last answer that says something about the token: ok, or a token error. */
    private volatile AuthTestResponse known;
    private final AtomicBoolean asking = new AtomicBoolean();
    private volatile long nextAskNanos = System.nanoTime();

    private OutageTolerantAuthorization(AppConfig config) {
        super(config, null); // installations matter only for user tokens, which this app does not request
        // Not asked here: the app is built before the HTTP server listens, and the sandbox's Slack is that server.
    }

    /** Bolt's default middleware for a single-workspace app, with this authorization in its place. */
    public static List<Middleware> middleware(AppConfig config) {
        List<Middleware> list = new ArrayList<>();
        if (config.isSslCheckEnabled()) list.add(new SSLCheck(config.getVerificationToken()));
        String secret = config.getSigningSecret();
        if (config.isRequestVerificationEnabled() && secret != null && !secret.isBlank()) {
            list.add(new RequestVerification(new SlackSignature.Verifier(new SlackSignature.Generator(secret))));
        }
        list.add(new OutageTolerantAuthorization(config));
        if (config.isIgnoringSelfEventsEnabled()) {
            list.add(new IgnoringSelfEvents(config.getSlack().getConfig(), config.isIgnoringSelfAssistantMessageEventsEnabled()));
        }
        return list;
    }

    @Override
    protected AuthTestResponse callAuthTest(String token, AppConfig config, MethodsClient client) {
        askIfDue(token, client);
        AuthTestResponse had = known;
        if (had != null) return had;
        AuthTestResponse unknown = new AuthTestResponse();
        unknown.setOk(true);
        unknown.setHttpResponseHeaders(Map.of());
        return unknown;
    }

    /** Asks auth.test on a thread of its own when it is time, one question at a time. */
    private void askIfDue(String token, MethodsClient client) {
        if (System.nanoTime() - nextAskNanos < 0 || !asking.compareAndSet(false, true)) return;
        Thread ask = new Thread(() -> {
            try {
                boolean answered = ask(token, client);
                nextAskNanos = System.nanoTime() + (answered ? RECHECK : RETRY).toNanos();
            } finally {
                asking.set(false);
            }
        }, "auth-test");
        ask.setDaemon(true);
        ask.start();
    }

    /** True when Slack said something about the token (ok or a token error); false when it could not be asked. */
    private boolean ask(String token, MethodsClient client) {
        try {
            AuthTestResponse res = client.authTest(r -> r.token(token));
            if (res.isOk() || TOKEN_ERRORS.contains(res.getError())) {
                if (!res.isOk()) log.error("auth.test: Slack says the bot token is not valid ({}); requests are refused", res.getError());
                known = res;
                return true;
            }
            log.warn("auth.test answered {}; going on with what is known and asking again in {}", res.getError(), RETRY);
        } catch (SlackApiException e) {
            if (e.getResponse().code() == 401 || e.getResponse().code() == 403) {
                known = refused("invalid_auth");
                return true;
            }
            log.warn("auth.test failed (HTTP {}); going on with what is known and asking again in {}", e.getResponse().code(), RETRY);
        } catch (IOException | RuntimeException e) {
            log.warn("auth.test failed ({}); going on with what is known and asking again in {}", e.toString(), RETRY);
        }
        return false;
    }

    private static AuthTestResponse refused(String error) {
        AuthTestResponse res = new AuthTestResponse();
        res.setOk(false);
        res.setError(error);
        return res;
    }
}
