package app.escalate.bot.slack;

import com.google.gson.JsonParseException;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Optional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /slack/events}: checks Slack's signature (bad, missing, or dated more than five
 * minutes from now either way → 401) before reading anything, ignores a signed request it has
 * accepted before (a replay), refuses a body that is not what Slack sends (400), and hands the
 * rest to Bolt, whose own signature check runs as well.
 */
public final class SlackEventsRoute implements Handler {
    /** How far a request's timestamp may be from our clock, either way; Bolt checks only the past. */
    static final Duration SKEW = Duration.ofMinutes(5);

    /** The signatures already accepted. */
    public interface SeenRequests {
        /** True the first time {@code signature} is offered (and remembers it), false for a replay. */
        boolean firstTime(String signature, Instant signedAt, Instant now);
    }

    private final App app;
    private final SlackRequestParser parser;
    private final SlackSignature.Verifier signature;
    private final SeenRequests seen;
    /** Real time: Slack's timestamps are, whatever clock the cases run on. */
    private final Clock wall;

    public SlackEventsRoute(App app, SeenRequests seen, Clock wall) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        String secret = app.config().getSigningSecret();
        this.signature = secret == null ? null : new SlackSignature.Verifier(new SlackSignature.Generator(secret));
        this.seen = seen;
        this.wall = wall;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        HttpServletRequest servlet = ctx.req();
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(servlet.getHeaderNames())) {
            headers.put(name, Collections.list(servlet.getHeaders(name)));
        }
        String body = ctx.body();
        String timestamp = ctx.header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
        String signed = ctx.header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
        Optional<Instant> signedAt = Optional.ofNullable(timestamp).filter(t -> t.matches("\\d{1,12}")).map(t -> Instant.ofEpochSecond(Long.parseLong(t)));
        Instant now = wall.instant();
        if (signature == null || signedAt.isEmpty() || Duration.between(signedAt.get(), now).abs().compareTo(SKEW) > 0
                || !signature.isValid(timestamp, body, signed)) {
            ctx.status(401).result("Invalid request signature");
            return;
        }
        Request<?> request;
        try {
            request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(ctx.path())
                    .queryString(ctx.queryParamMap())
                    .headers(new RequestHeaders(headers))
                    .requestBody(body)
                    .remoteAddress(ctx.ip())
                    .build());
        } catch (RuntimeException unreadable) {
            request = null; // not JSON where JSON belongs, or a field of the wrong type
        }
        if (request == null || !RequestShape.whole(request)) {
            ctx.status(400).result("Not a Slack request");
            return;
        }
        if (!seen.firstTime(signed, signedAt.get(), now)) {
            // Slack never sends one signed request twice; whoever did gets the empty ack and nothing happens.
            ctx.status(200).result("");
            return;
        }
        Response response;
        try {
            response = app.run(request);
        } catch (JsonParseException wronglyTyped) {
            // Bolt reads an event's fields only when a handler asks for them.
            ctx.status(400).result("Not a Slack request");
            return;
        }
        ctx.status(response.getStatusCode());
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, values) -> values.forEach(v -> ctx.header(name, v)));
        }
        if (response.getContentType() != null) ctx.contentType(response.getContentType());
        ctx.result(response.getBody() == null ? "" : response.getBody());
    }
}
