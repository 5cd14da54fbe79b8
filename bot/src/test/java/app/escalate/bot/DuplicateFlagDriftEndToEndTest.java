package app.escalate.bot;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseId;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.UserId;
import app.escalate.storage.Database;
import app.escalate.storage.JdbiCaseStore;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When duplicate flags stop being right, the team channel is told once. The first 39 verdicts are
 * put on the timeline beforehand (20 right, then 19 wrong, a day before); the 40th and 41st are
 * *Not a duplicate* clicks on flags the bot raised.
 */
class DuplicateFlagDriftEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CHLOE = "U0ESCCHLOE";
    private static final String TEAM = "C0TEAM";
    private static final String NOTICE = ":warning: Similar cases: duplicate flags judged right over the last 20 verdicts is 0%, "
            + "against 100% before them. Check recent flags (/esc stats) and the policy's similar.duplicate_threshold.";

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    @Test
    void the_fortieth_verdict_turning_the_flags_wrong_tells_the_team_channel_once() throws Exception {
        open("Chatbot told users a made-up refund policy of 90 days sev3");
        try (Database db = harness.database()) {
            List<CaseEvent> earlier = new ArrayList<>();
            for (int i = 0; i < 39; i++) {
                earlier.add(new CaseEvent(new CaseId(1), BotHarness.START.minus(Duration.ofDays(1)).plusSeconds(i), new UserId("U0ESCMARIA"),
                        new EventData.DuplicateJudged(new CaseId(99), i < 20)));
            }
            new JdbiCaseStore(db.jdbi()).change(new CaseId(1), file -> new Decision.Applied(file, earlier, List.of()));
        }

        notADuplicate(open("The chatbot is telling users a made-up refund policy of 90 days sev3"), "2:1");
        harness.slack.await("chat.postMessage", c -> NOTICE.equals(c.param("text")), WAIT);

        notADuplicate(open("Our chatbot keeps telling users a made-up refund policy of 90 days sev3"), "3:2");
        harness.settle();
        assertThat(harness.slack.calls("chat.postMessage")).filteredOn(c -> c.param("text") != null && c.param("text").contains("Similar cases: duplicate"))
                .as("once per window: the next verdict says nothing more").singleElement()
                .satisfies(c -> assertThat(c.answered("channel")).isEqualTo(TEAM));
    }

    private String open(String text) throws Exception {
        int before = harness.slack.calls("pins.add").size();
        harness.esc(CHLOE, TEAM, "open " + text);
        Awaitility.await().atMost(WAIT).until(() -> harness.slack.calls("pins.add").size() > before);
        return harness.slack.calls("pins.add").get(before).param("channel");
    }

    /** Clicks *Not a duplicate* ({@code value}: "case:flagged") on the flag posted in {@code channel}, and waits for its verdict. */
    private void notADuplicate(String channel, String value) throws Exception {
        AtomicReference<FakeSlackApi.Call> similar = new AtomicReference<>();
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            harness.slack.calls("chat.postMessage").stream().filter(c -> channel.equals(c.param("channel")) && c.param("blocks") != null
                    && c.json("blocks").contains("similar_not_duplicate")).findFirst().ifPresent(similar::set);
            return similar.get() != null;
        });
        String ts = similar.get().answered("ts");
        String button = """
                {"action_id":"similar_not_duplicate","block_id":"b1","text":{"type":"plain_text","text":"x"},"value":"%s",
                 "type":"button","action_ts":"1764300300.1"}""".formatted(value);
        assertThat(harness.client().postPayload(SignedSlackClient.blockActions(CHLOE, channel, ts, harness.slack.responseUrl("click"), button))
                .statusCode()).isEqualTo(200);
        harness.slack.await("chat.update", c -> channel.equals(c.param("channel")) && ts.equals(c.param("ts"))
                && c.json("blocks").contains("judged it not a duplicate"), WAIT);
    }
}
