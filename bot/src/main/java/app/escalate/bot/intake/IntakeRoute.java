package app.escalate.bot.intake;

import app.escalate.commands.Case;
import app.escalate.commands.ChannelName;
import app.escalate.commands.intake.IntakeBody;
import app.escalate.commands.intake.IntakeStore;
import app.escalate.commands.intake.RaiseCase;
import app.escalate.config.IntakeSource;
import app.escalate.config.Policy;
import app.escalate.config.Secret;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.ToNumberPolicy;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/cases}: a machine raises a case. Checked in this order, each refusal storing
 * nothing: the body is a JSON object naming a {@code source} (else 400), the source is in the
 * policy (403) and has its secret in the environment (503: ours to fix, the sender may retry), the
 * signature holds and is fresh (401), the body is a report this source may send (400 naming the
 * field, 403 for a type it may not open), and the source is within its {@code max_per_minute} (429
 * with {@code Retry-After}). Then 201 with a new case, or 200 with the open case its dedup key names.
 */
public final class IntakeRoute implements Handler {
    private static final Logger log = LoggerFactory.getLogger(IntakeRoute.class);
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE).create();

    private final Policy policy;
    private final Map<String, Secret> secrets;
    private final IntakeStore intake;
    private final RaiseCase raise;
    /** The cases' clock: rate windows are minutes of it. */
    private final Clock clock;
    /** Real time: a source's timestamps are, whatever clock the cases run on. */
    private final Clock wall;

    public IntakeRoute(Policy policy, Map<String, Secret> secrets, IntakeStore intake, RaiseCase raise, Clock clock, Clock wall) {
        this.policy = policy;
        this.secrets = Map.copyOf(secrets);
        this.intake = intake;
        this.raise = raise;
        this.clock = clock;
        this.wall = wall;
    }

    /** Says at start-up which sources cannot be heard, naming the variable and never a value. */
    public void reportMissingSecrets() {
        for (IntakeSource source : policy.intake().sources()) {
            if (!secrets.containsKey(source.secretEnv())) {
                log.warn("intake source {}: {} is not set, so its requests to POST /api/cases are refused (503)", source.id(), source.secretEnv());
            }
        }
    }

    @Override
    public void handle(Context ctx) {
        String body = ctx.body();
        Map<String, Object> json;
        try {
            json = GSON.fromJson(body, Map.class) instanceof Map<?, ?> m ? cast(m) : null;
        } catch (JsonParseException e) {
            json = null;
        }
        if (json == null) {
            refuse(ctx, 400, "body", "not a JSON object");
            return;
        }
        if (!(json.get("source") instanceof String sourceId) || sourceId.isBlank()) {
            refuse(ctx, 400, "source", "missing: the id of the source under intake.sources");
            return;
        }
        Optional<IntakeSource> known = policy.intake().source(sourceId);
        if (known.isEmpty()) {
            refuse(ctx, 403, "source", "no source \"" + shortly(sourceId) + "\" may raise cases");
            return;
        }
        IntakeSource source = known.get();
        Secret secret = secrets.get(source.secretEnv());
        if (secret == null) {
            refuse(ctx, 503, "source", "the bot has no secret for source " + source.id() + " (" + source.secretEnv() + " is not set)");
            return;
        }
        if (!new IntakeSignature(secret.value()).holds(ctx.header(IntakeSignature.TIMESTAMP), body, ctx.header(IntakeSignature.SIGNATURE), wall.instant())) {
            refuse(ctx, 401, "signature", "invalid or stale request signature");
            return;
        }
        IntakeBody.Checked checked = IntakeBody.check(json, source, policy);
        if (checked instanceof IntakeBody.BadField bad) {
            refuse(ctx, 400, bad.field(), bad.reason());
            return;
        }
        if (checked instanceof IntakeBody.NotAllowed notAllowed) {
            refuse(ctx, 403, "type", notAllowed.reason());
            return;
        }
        IntakeBody.Accepted accepted = (IntakeBody.Accepted) checked;
        try {
            Instant now = clock.instant();
            Instant window = now.truncatedTo(ChronoUnit.MINUTES);
            if (!intake.take(source.id(), window, source.maxPerMinute())) {
                long wait = Math.max(1, Duration.between(now, window.plus(Duration.ofMinutes(1))).toSeconds() + 1);
                ctx.header("Retry-After", Long.toString(wait));
                refuse(ctx, 429, "source", source.id() + " sends at most " + source.maxPerMinute() + " requests a minute");
                return;
            }
            RaiseCase.Raised raised = raise.handle(accepted.report());
            if (raised instanceof RaiseCase.Refused refused) {
                refuse(ctx, 400, "body", refused.reason());
            } else if (raised instanceof RaiseCase.Opened opened) {
                answer(ctx, 201, opened.opened());
            } else if (raised instanceof RaiseCase.Again again) {
                answer(ctx, 200, again.open());
            }
        } catch (JdbiException e) {
            log.warn("POST /api/cases from {}: the database did not answer: {}", source.id(), e.toString());
            refuse(ctx, 503, "database", "the bot cannot reach its database; nothing was changed, try again");
        }
    }

    private void answer(Context ctx, int status, Case c) {
        String channel = ChannelName.of(policy.workspace().channelPrefix(), c.id(), c.title());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("case", c.id().toString());
        out.put("channel", "#" + channel);
        out.put("url", "https://slack.com/app_redirect?channel=" + URLEncoder.encode(channel, StandardCharsets.UTF_8));
        ctx.status(status).contentType("application/json").result(GSON.toJson(out));
    }

    private static void refuse(Context ctx, int status, String field, String reason) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("error", reason);
        out.put("field", field);
        ctx.status(status).contentType("application/json").result(GSON.toJson(out));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private static String shortly(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
