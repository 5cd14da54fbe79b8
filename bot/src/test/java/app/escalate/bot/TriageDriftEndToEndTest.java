package app.escalate.bot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When people stop keeping AI triage's suggestions, the team channel is told once: twenty
 * suggestions accepted, then twenty dismissed, as the verdicts arrive through Slack's buttons; the
 * next verdict, after a restart, says nothing more.
 */
class TriageDriftEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String MARIA = "U0ESCMARIA";
    private static final String CHLOE = "U0ESCCHLOE";
    private static final String NOTICE = "AI triage: kept over the last 20 verdicts is 0%, against 100% before them. "
            + "Check recent triage (/esc stats) and the rules or model in use.";

    /** Every suggestion waits for a person, so each case gets a verdict. */
    @RegisterExtension
    final BotHarness harness = new BotHarness(yaml -> yaml.replace("then: apply", "then: hold"));

    private int opened;

    /** Opens a case, waits for its triage suggestion, and gives it {@code verdict} ("accept" or "dismiss"). */
    private void judgeNext(String verdict) throws Exception {
        int before = harness.slack.calls("pins.add").size();
        harness.esc(CHLOE, "C0TEAM", "open Face swap deepfake of a public figure: a synthetic video is spreading sev3");
        harness.slack.await("pins.add", c -> harness.slack.calls("pins.add").size() > before, WAIT);
        String channel = harness.slack.calls("pins.add").get(before).param("channel");
        String caseNumber = Integer.toString(++opened);
        FakeSlackApi.Call message = harness.slack.await("chat.postMessage", c -> channel.equals(c.param("channel")) && c.json("blocks") != null
                && c.json("blocks").contains("AI triage"), WAIT);
        assertThat(message.json("blocks")).contains("triage_" + verdict);

        String action = """
                {"action_id":"triage_%s","block_id":"triage:%s","text":{"type":"plain_text","text":"x"},"value":"%s",
                 "type":"button","action_ts":"1764300300.1"}""".formatted(verdict, caseNumber, caseNumber);
        String payload = SignedSlackClient.blockActions(MARIA, channel, message.answered("ts"), harness.slack.responseUrl("click"), action);
        assertThat(harness.client().postPayload(payload).statusCode()).isEqualTo(200);
        String said = verdict.equals("accept") ? "accepted" : "dismissed";
        harness.slack.await("chat.postMessage", c -> channel.equals(c.param("channel")) && c.param("text") != null
                && c.param("text").contains("<@" + MARIA + "> " + said + " the AI triage suggestion"), WAIT);
        harness.advance(Duration.ofSeconds(5));
    }

    private List<FakeSlackApi.Call> notices() {
        return harness.slack.calls("chat.postMessage").stream().filter(c -> c.param("text") != null && c.param("text").contains("AI triage: kept"))
                .toList();
    }

    @Test
    void twenty_dismissed_after_twenty_accepted_tell_the_team_channel_once() throws Exception {
        for (int i = 0; i < 20; i++) judgeNext("accept");
        for (int i = 0; i < 19; i++) judgeNext("dismiss");
        harness.settle();
        assertThat(notices()).as("39 verdicts: not yet two windows of them").isEmpty();

        judgeNext("dismiss");
        harness.slack.await("chat.postMessage", c -> (":warning: " + NOTICE).equals(c.param("text")), WAIT);

        harness.restart();
        judgeNext("dismiss");
        harness.settle();
        assertThat(notices()).as("once per window, remembered across a restart: the next verdict says nothing more").singleElement()
                .satisfies(c -> assertThat(c.answered("channel")).as("the team channel").isEqualTo("C0TEAM"));
        // /esc ai says the same, with the figures it rests on.
        assertThat(harness.esc(MARIA, "C0TEAM", "ai").get("text").getAsString()).contains(
                "• Triage `keywords`: 41 · 41 judged · kept 49% · overridden 51%",
                "*Drift*, the latest 20 verdicts against all before them:",
                "• :warning: AI triage: kept over the last 20 verdicts is 0%, against 95% before them.");
    }
}
