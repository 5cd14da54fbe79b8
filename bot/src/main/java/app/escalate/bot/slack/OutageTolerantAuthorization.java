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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bolt's single-workspace authorization, except that a Slack outage does not turn requests away.
 * Bolt asks {@code auth.test} when the app is built and again whenever its cache expires, and
 * refuses every request (and start-up) while that call fails; but commands only write to the
 * database and the outbox, so they can answer while Slack is down. Here the first good answer
 * is kept for the life of the process, and until there is one a request goes on without the
 * bot's own ids. A token Slack says is invalid is still refused.
 */
public final class OutageTolerantAuthorization extends SingleTeamAuthorization {
    private static final Logger log = LoggerFactory.getLogger(OutageTolerantAuthorization.class);
    private static final Set<String> TOKEN_ERRORS = Set.of("invalid_auth", "not_authed", "account_inactive",
            "token_revoked", "token_expired", "no_permission", "missing_scope");

    private volatile AuthTestResponse known;

    private OutageTolerantAuthorization(AppConfig config) {
        super(config, null); // installations matter only for user tokens, which this app does not request
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
        AuthTestResponse had = known;
        if (had != null) return had;
        try {
            AuthTestResponse res = client.authTest(r -> r.token(token));
            if (res.isOk()) {
                known = res;
                return res;
            }
            if (TOKEN_ERRORS.contains(res.getError())) return res;
            log.warn("auth.test answered {}; going on without the bot's ids until Slack answers", res.getError());
        } catch (SlackApiException e) {
            if (e.getResponse().code() == 401 || e.getResponse().code() == 403) return refused("invalid_auth");
            log.warn("auth.test failed (HTTP {}); going on without the bot's ids until Slack answers", e.getResponse().code());
        } catch (IOException e) {
            log.warn("auth.test failed ({}); going on without the bot's ids until Slack answers", e.toString());
        }
        AuthTestResponse unknown = new AuthTestResponse();
        unknown.setOk(true);
        unknown.setHttpResponseHeaders(Map.of());
        return unknown;
    }

    private static AuthTestResponse refused(String error) {
        AuthTestResponse res = new AuthTestResponse();
        res.setOk(false);
        res.setError(error);
        return res;
    }
}
