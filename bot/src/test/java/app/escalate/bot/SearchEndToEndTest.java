package app.escalate.bot;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /esc search} through Slack's signed requests: a paraphrase finds a resolved case with its
 * resolution and root cause, and a restricted case is found by its members and by no one else.
 * The index is filled in the background, so each test waits until a search finds what it must.
 */
class SearchEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CHLOE = "U0ESCCHLOE";
    private static final String AMARA = "U0ESCAMARA";
    private static final String OUTSIDER = "U0ESCBYSTANDER";

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    @Test
    void a_paraphrase_finds_a_resolved_case_with_its_resolution_and_root_cause() throws Exception {
        String channel = open("Deepfake video of the mayor announcing a fake curfew is spreading on short video sev2");
        open("Advertiser says their ads ran next to violent content sev3");
        harness.esc(AMARA, channel, "resolve All copies taken down and the hash blocked cause:adversarial-abuse");

        String found = searchUntil(OUTSIDER, "synthetic clip of a city politician going viral", "Resolution:");

        assertThat(found).contains("ESC-1", "Deepfake video of the mayor", "resolved", "All copies taken down and the hash blocked",
                "Root cause: Deliberate abuse or coordinated manipulation");
        assertThat(found.indexOf("ESC-1")).isLessThan(found.indexOf("ESC-2") < 0 ? Integer.MAX_VALUE : found.indexOf("ESC-2"));
        assertThat(harness.esc(OUTSIDER, "C0TEAM", "search sev:7 clip").get("text").getAsString()).contains("`sev:` takes 1 to 4");
        assertThat(harness.esc(OUTSIDER, "C0TEAM", "search clip state:open").get("text").getAsString()).doesNotContain("ESC-1");
    }

    @Test
    void a_restricted_case_is_found_by_its_members_and_by_no_one_else() throws Exception {
        open("Court subpoena demands the minister's private messages sev2 type:regulatory-request");
        open("Chatbot told users a made-up refund policy sev3");

        String member = searchUntil(CHLOE, "legal demand for a politician's direct messages", "ESC-1");
        // Each case is indexed in the background: wait until the outsider's answer has the case they may see.
        String outsider = searchUntil(OUTSIDER, "legal demand for a politician's direct messages", "ESC-2");

        assertThat(member).contains("Court subpoena demands the minister");
        assertThat(outsider).doesNotContain("ESC-1").doesNotContain("subpoena").contains("ESC-2");
    }

    /** Opens a case as Chloe, and has Amara (on call) acknowledge it; its channel. */
    private String open(String text) throws Exception {
        int before = harness.slack.calls("pins.add").size();
        harness.esc(CHLOE, "C0TEAM", "open " + text);
        Awaitility.await().atMost(WAIT).until(() -> harness.slack.calls("pins.add").size() > before);
        String channel = harness.slack.calls("pins.add").get(before).param("channel");
        harness.esc(AMARA, channel, "ack");
        return channel;
    }

    /** Searches as {@code user} until the answer contains {@code expected} (the index catching up); that answer. */
    private String searchUntil(String user, String words, String expected) {
        AtomicReference<String> answer = new AtomicReference<>("");
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            answer.set(harness.esc(user, "C0TEAM", "search " + words).get("text").getAsString());
            return answer.get().contains(expected);
        });
        return answer.get();
    }
}
