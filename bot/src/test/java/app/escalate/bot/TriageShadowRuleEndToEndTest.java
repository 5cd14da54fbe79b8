package app.escalate.bot;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.EventData;
import app.escalate.commands.ShadowRoute;
import app.escalate.commands.ShadowStats;
import app.escalate.storage.Database;
import app.escalate.storage.JdbiCaseStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shadow routing rule beside the example policy's live ones: the live rules decide a new case's
 * triage, nothing about the shadow rule reaches Slack, and its answer is kept on the stored event.
 */
class TriageShadowRuleEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SHADOW = "trial-hold-deepfakes";

    @RegisterExtension
    final BotHarness harness = new BotHarness(yaml -> yaml.replace("  rules:\n", """
              rules:
                - {name: %s, when: {type: deepfake}, then: hold, shadow: true, owner: U0ESCOMAR, review_by: 2027-03-31}
            """.formatted(SHADOW)));

    @Test
    void the_live_rule_decides_the_shadow_rule_is_only_recorded_and_counted() throws Exception {
        harness.esc("U0ESCCHLOE", "C0TEAM", "open Face swap deepfake of a public figure: a synthetic video is spreading, widespread on shorts");
        String channel = harness.slack.await("pins.add").param("channel");

        // Decided live: the keywords' confident deepfake is applied by confident-deepfake, though the shadow rule, listed first, would hold it.
        FakeSlackApi.Call message = harness.slack.await("chat.postMessage", c -> channel.equals(c.param("channel"))
                && c.json("blocks") != null && c.json("blocks").contains("AI triage"), WAIT);
        assertThat(message.json("blocks")).contains("Applied at once by rule `confident-deepfake`", "triage_undo");
        harness.slack.await("conversations.setTopic", c -> c.param("topic").startsWith("SEV2"), WAIT);
        String timeline = harness.esc("U0ESCMARIA", channel, "timeline").toString();
        harness.settle();

        assertThat(harness.slack.calls()).as("no message, card, topic or announcement names the shadow rule")
                .allSatisfy(c -> assertThat(c.params().values()).noneMatch(v -> v != null && (v.contains(SHADOW) || v.contains("shadow"))));
        assertThat(timeline).doesNotContain(SHADOW);

        try (Database db = harness.database()) {
            List<CaseEvent> events = new JdbiCaseStore(db.jdbi()).events(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"),
                    Set.of(CaseEvent.Kind.TRIAGE_SUGGESTED, CaseEvent.Kind.TRIAGE_JUDGED));
            assertThat(events).singleElement().satisfies(e -> {
                EventData.TriageSuggested s = e.as(EventData.TriageSuggested.class).orElseThrow();
                assertThat(s.applied()).isTrue();
                assertThat(s.rule()).contains("confident-deepfake");
                assertThat(s.shadow()).contains(new ShadowRoute(SHADOW, false));
            });
            assertThat(ShadowStats.of(events)).containsExactly(new ShadowStats.Figures(SHADOW, 1, 0, 1, 0, 0, 0, 0));
        }
        // /esc ai compares it with the live rules: it would have held what they applied.
        assertThat(harness.esc("U0ESCMARIA", "C0TEAM", "ai").get("text").getAsString()).contains(
                "*Shadow triage rules*, tried beside the live ones and shown to nobody:",
                "• `" + SHADOW + "`: matched 1 · would apply 0, hold 1 · agreed with the live rules on 0 of 1");
    }
}
