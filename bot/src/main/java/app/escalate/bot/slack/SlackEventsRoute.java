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

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /slack/events}: checks Slack's signature (bad, missing or stale → 401) before
 * reading anything, refuses a body that is not what Slack sends (400), and hands the rest to Bolt,
 * whose own signature check runs as well.
 */
public final class SlackEventsRoute implements Handler {
    private final App app;
    private final SlackRequestParser parser;
    private final SlackSignature.Verifier signature;

    public SlackEventsRoute(App app) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        String secret = app.config().getSigningSecret();
        this.signature = secret == null ? null : new SlackSignature.Verifier(new SlackSignature.Generator(secret));
    }

    @Override
    public void handle(Context ctx) throws Exception {
        HttpServletRequest servlet = ctx.req();
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(servlet.getHeaderNames())) {
            headers.put(name, Collections.list(servlet.getHeaders(name)));
        }
        String body = ctx.body();
        if (signature == null || !signature.isValid(ctx.header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP), body,
                ctx.header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE))) {
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
