package app.escalate.bot.intake;

import app.escalate.bot.outbox.DeliveryAttempt;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.intake.IntakeStore;
import app.escalate.config.IntakeSource;
import app.escalate.config.Policy;
import app.escalate.config.Secret;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Posts a change of a machine's case back to its source's {@code callback_url}, signed as the
 * source signs its reports ({@link IntakeSignature}, with the source's secret). Anything but a 2xx
 * answer is tried again with the outbox's backoff, for as long as it takes: a source down for an
 * hour hears of every change when it is back, in order. A source without a callback hears nothing.
 */
public final class CallBacks {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Policy policy;
    private final Map<String, Secret> secrets;
    private final IntakeStore intake;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    /** Real time, for the signature's timestamp. */
    private final Clock wall;

    public CallBacks(Policy policy, Map<String, Secret> secrets, IntakeStore intake, Clock wall) {
        this.policy = policy;
        this.secrets = Map.copyOf(secrets);
        this.intake = intake;
        this.wall = wall;
    }

    public DeliveryAttempt deliver(SlackEffect.CallBack change) {
        try {
            Optional<IntakeStore.Origin> origin = intake.origin(change.caseId());
            Optional<IntakeSource> source = origin.flatMap(o -> policy.intake().source(o.source()));
            Optional<URI> url = source.flatMap(IntakeSource::callback);
            if (url.isEmpty()) return DeliveryAttempt.sent();
            Secret secret = secrets.get(source.get().secretEnv());
            if (secret == null) return retry(source.get().secretEnv() + " is not set");
            String body = GSON.toJson(body(change, origin.get()));
            String timestamp = Long.toString(wall.instant().getEpochSecond());
            HttpResponse<Void> res = http.send(HttpRequest.newBuilder(url.get()).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header(IntakeSignature.TIMESTAMP, timestamp)
                    .header(IntakeSignature.SIGNATURE, new IntakeSignature(secret.value()).sign(timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            if (res.statusCode() / 100 == 2) return DeliveryAttempt.sent();
            return retry(source.get().id() + "'s callback answered " + res.statusCode());
        } catch (IOException | RuntimeException e) {
            // A source unreachable, or our database: both pass, and the change must still arrive.
            return retry(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return retry("interrupted");
        }
    }

    private static Map<String, Object> body(SlackEffect.CallBack change, IntakeStore.Origin origin) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("case", change.caseId().toString());
        out.put("source", origin.source());
        out.put("dedup_key", origin.dedupKey());
        out.put("change", change.change());
        out.put("at", change.at().toString());
        change.resolution().ifPresent(r -> out.put("resolution", r));
        return out;
    }

    private static DeliveryAttempt retry(String reason) {
        return new DeliveryAttempt.Retry(Optional.empty(), reason, false);
    }
}
