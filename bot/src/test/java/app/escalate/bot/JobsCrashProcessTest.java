package app.escalate.bot;

import com.google.gson.JsonObject;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Work accepted at the ack survives {@code kill -9}: the bot is killed while the model is still
 * answering a new case's triage, and later while it is still writing a summary draft. After each
 * restart the suggestion and the draft arrive, each exactly once.
 */
class JobsCrashProcessTest {
    private static final String CHLOE = "U0ESCCHLOE";
    /** A job whose worker died is taken over once its 20 s lease, no longer renewed, has run out (and the new process is up). */
    private static final Duration TAKEN_OVER = Duration.ofMinutes(1);

    @RegisterExtension
    final ProcessHarness processes = new ProcessHarness();
    private final FakeModelServer model = FakeModelServer.started();
    /** The embedded H2 file (the default), and PostgreSQL as replicas run it. */
    enum Store { H2, POSTGRESQL }

    private EmbeddedPostgres postgres;

    @AfterEach
    void stop() throws IOException {
        model.close();
        if (postgres != null) postgres.close();
    }

    private Map<String, String> withModel(Store store) throws IOException {
        Map<String, String> env = new HashMap<>(model.env("20s"));
        if (store == Store.POSTGRESQL) {
            if (postgres == null) postgres = EmbeddedPostgres.builder().start();
            env.put("DATABASE_URL", postgres.getJdbcUrl("postgres", "postgres"));
        }
        return env;
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void triage_and_a_draft_the_model_was_still_answering_when_the_bot_was_killed_each_arrive_once_after_a_restart(Store store) throws Exception {
        Map<String, String> env = withModel(store);
        FakeSlackApi slack = processes.slack;
        model.answer("Bottom line: ESC-1 (SEV1): a deepfake of a minister is spreading; takedowns requested.");
        model.hold();
        BotProcess first = processes.start("first", env);

        JsonObject opened = command(first, "C0TEAM", "open Deepfake of a minister spreading sev1", "open");
        assertThat(opened.get("text").getAsString()).contains("Opened *ESC-1*");
        // The Slack work goes on while the model thinks (its own worker): the case's channel and pinned card are there.
        String channel = slack.await("pins.add", FakeSlackApi.Call::answeredOk, Duration.ofSeconds(30)).param("channel");
        await().atMost(Duration.ofSeconds(30)).until(() -> asked(r -> r.contains("You triage new escalation cases")) == 1);
        first.kill();
        model.release();

        BotProcess second = processes.start("second", env);
        Predicate<FakeSlackApi.Call> triagePost = c -> channel.equals(c.param("channel")) && c.param("blocks") != null
                && c.json("blocks").contains("triage_");
        await().atMost(TAKEN_OVER).pollInterval(Duration.ofSeconds(1)).until(() -> slack.calls("chat.postMessage").stream().anyMatch(triagePost));

        // Everything the first process left is done; what the next kill cuts off is the draft alone.
        await().atMost(TAKEN_OVER).pollInterval(Duration.ofSeconds(1)).until(() -> second.get("/healthz").body().contains("\"outbox_backlog\":0"));
        model.hold();
        JsonObject drafting = command(second, channel, "summary", "summary");
        assertThat(drafting.get("text").getAsString()).startsWith("Drafting the executive summary of ESC-1");
        await().atMost(Duration.ofSeconds(30)).until(() -> asked(r -> r.contains("You write executive summaries")) == 1);
        second.kill();
        model.release();

        BotProcess third = processes.start("third", env);
        Predicate<FakeSlackApi.Call> draftShown = c -> c.param("path").endsWith("/summary") && c.param("blocks") != null
                && c.param("blocks").contains("takedowns requested");
        await().atMost(TAKEN_OVER).pollInterval(Duration.ofSeconds(1)).until(() -> slack.calls("response_url").stream().anyMatch(draftShown));
        // Nothing more is on its way once the outbox is empty: then count.
        await().atMost(Duration.ofSeconds(60)).until(() -> third.get("/healthz").body().contains("\"outbox_backlog\":0"));

        assertThat(slack.calls("chat.postMessage").stream().filter(triagePost)).as("triage suggestions posted").hasSize(1);
        assertThat(slack.calls("response_url").stream().filter(draftShown)).as("drafts shown").hasSize(1);
        HttpResponse<String> timeline = third.client().post(SignedSlackClient.slashCommand(CHLOE, channel, "timeline",
                slack.responseUrl("timeline")));
        assertThat(timeline.body().split("AI triage suggested", -1)).as("suggestions on the timeline: %s", timeline.body()).hasSize(2);
    }

    /** How many requests the model has had whose text matches. */
    private long asked(Predicate<String> which) {
        return model.requests().stream().map(Object::toString).filter(which).count();
    }

    private JsonObject command(BotProcess bot, String channel, String text, String responseUrl) throws Exception {
        HttpResponse<String> res = bot.client().post(SignedSlackClient.slashCommand(CHLOE, channel, text, processes.slack.responseUrl(responseUrl)));
        assertThat(res.statusCode()).isEqualTo(200);
        return com.google.gson.JsonParser.parseString(res.body()).getAsJsonObject();
    }
}
