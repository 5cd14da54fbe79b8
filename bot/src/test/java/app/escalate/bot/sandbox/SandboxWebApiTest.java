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

    @Test
    void an_uploaded_png_shows_as_an_image_and_a_text_file_as_its_first_lines() throws Exception {
        String dm = com.google.gson.JsonParser.parseString(call("conversations.open", "users=U0ESCHELEN").body())
                .getAsJsonObject().getAsJsonObject("channel").get("id").getAsString();
        String csv = share(dm, "fairness.csv", "On-call fairness", "user,pages\nU0ESCAMARA,1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String png = share(dm, "chart.png", "Stats", new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0});

        assertThat(workspace.messages(dm, "U0ESCHELEN")).extracting(m -> m.blocks().toString())
                .anySatisfy(blocks -> assertThat(blocks).contains("```user,pages\\nU0ESCAMARA,1\\n```", "On-call fairness").doesNotContain("image_url"))
                .anySatisfy(blocks -> assertThat(blocks).contains("\"image_url\":\"/sandbox/files/" + png + "\""));
        HttpResponse<String> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/sandbox/files/" + csv)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(file.body()).isEqualTo("user,pages\nU0ESCAMARA,1\n");
    }

    /** Uploads {@code bytes} as the bot does and shares the file in {@code channel}; its id. */
    private String share(String channel, String name, String title, byte[] bytes) throws Exception {
        String id = com.google.gson.JsonParser.parseString(call("files.getUploadURLExternal", "filename=" + name + "&length=" + bytes.length).body())
                .getAsJsonObject().get("file_id").getAsString();
        assertThat(workspace.uploaded(id, bytes)).isTrue();
        assertThat(call("files.completeUploadExternal", "channel_id=" + channel + "&files="
                + java.net.URLEncoder.encode("[{\"id\":\"" + id + "\",\"title\":\"" + title + "\"}]", java.nio.charset.StandardCharsets.UTF_8)).body())
                .contains("\"ok\":true");
        return id;
    }
}
