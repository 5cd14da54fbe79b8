package app.escalate.bot.sandbox;

import app.escalate.config.PolicyLoader;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox's Web API as the bot's Slack client reads it: Slack's answers with Slack's headers. */
class SandboxWebApiTest {
    private final Workspace workspace = WorkspaceSeed.seed(new Workspace(), PolicyLoader.builtIn(), java.util.Optional.empty());
    private final Javalin server = Javalin.create(config ->
            new SandboxRoutes(workspace, new SandboxClock(), "secret", 0, PolicyLoader.builtIn()).register(config)).start(0);

    @AfterEach
    void stop() {
        server.stop();
    }

    private HttpResponse<String> call(String method, String form) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/sandbox/api/" + method))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void every_answer_names_the_tokens_scopes_in_x_oauth_scopes_as_slack_does() throws Exception {
        assertThat(call("auth.test", "").headers().firstValue("X-OAuth-Scopes")).contains(String.join(",", Scopes.MANIFEST));

        workspace.revokeScope("chat:write");
        HttpResponse<String> refused = call("chat.postMessage", "channel=escalations&text=hi");

        assertThat(refused.body()).contains("\"error\":\"missing_scope\"", "\"needed\":\"chat:write\"");
        assertThat(refused.headers().firstValue("X-OAuth-Scopes").orElseThrow()).doesNotContain("chat:write").startsWith("commands,channels:manage");
    }

    @Test
    void the_team_and_leadership_channels_of_the_policy_have_the_bot_in_them() throws Exception {
        assertThat(call("chat.postMessage", "channel=%23escalations&text=hi").body()).contains("\"ok\":true");
        assertThat(call("chat.postMessage", "channel=esc-leadership&text=hi").body()).contains("\"ok\":true");
        assertThat(call("chat.postMessage", "channel=U0ESCMARIA&text=hi").body()).as("a person of the policy").contains("\"ok\":true");
        assertThat(call("chat.postMessage", "channel=random&text=hi").body()).contains("\"error\":\"channel_not_found\"");
    }
}
