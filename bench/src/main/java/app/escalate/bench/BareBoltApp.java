package app.escalate.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.javalin.Javalin;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline the bot's ack latency is compared with: a bare Bolt app on Javalin, on the same
 * versions, whose {@code /esc} only acknowledges. Reads SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET,
 * SLACK_API_URL and PORT.
 */
public final class BareBoltApp {
    private BareBoltApp() {
    }

    public static void main(String[] args) {
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(System.getenv("SLACK_API_URL"));
        App app = new App(AppConfig.builder()
                .slack(Slack.getInstance(slackConfig))
                .singleTeamBotToken(System.getenv("SLACK_BOT_TOKEN"))
                .signingSecret(System.getenv("SLACK_SIGNING_SECRET"))
                .authTestCacheEnabled(true)
                .build());
        app.command("/esc", (req, ctx) -> ctx.ack("ok"));
        SlackRequestParser parser = new SlackRequestParser(app.config());
        Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/healthz", ctx -> ctx.result("ok"));
            config.routes.post("/slack/events", ctx -> {
                Map<String, List<String>> headers = new HashMap<>();
                for (String name : Collections.list(ctx.req().getHeaderNames())) headers.put(name, Collections.list(ctx.req().getHeaders(name)));
                Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder().requestUri(ctx.path())
                        .queryString(ctx.queryParamMap()).headers(new RequestHeaders(headers)).requestBody(ctx.body())
                        .remoteAddress(ctx.ip()).build());
                Response response = app.run(request);
                ctx.status(response.getStatusCode());
                if (response.getContentType() != null) ctx.contentType(response.getContentType());
                ctx.result(response.getBody() == null ? "" : response.getBody());
            });
        }).start(Integer.parseInt(System.getenv("PORT")));
    }
}
