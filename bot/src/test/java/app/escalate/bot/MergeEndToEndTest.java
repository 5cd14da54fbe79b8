package app.escalate.bot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same deepfake reported twice: the second report is linked, then merged into the first; its
 * reporter joins the first case's channel, its open task moves there, its channel says where the
 * work went, and both cards show the link. A restricted case is not linked on the word of someone
 * who is not on it.
 */
class MergeEndToEndTest {
    private static final String CHLOE = "U0ESCCHLOE";
    private static final String DIEGO = "U0ESCDIEGO";
    private static final String AMARA = "U0ESCAMARA";   // on call at the harness's start
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    /** The channel the case's card was posted in. */
    private String channelOf(String caseId) throws InterruptedException {
        return harness.slack.await("chat.postMessage", c -> c.json("blocks") != null && c.json("blocks").contains(caseId + " ·"), WAIT)
                .param("channel");
    }

    @Test
    void a_second_report_is_merged_into_the_first_and_its_work_moves_there() throws Exception {
        harness.esc(CHLOE, "C0TEAM", "open Deepfake of the minister on video sev2");
        String first = channelOf("ESC-1");
        harness.esc(DIEGO, "C0TEAM", "open Same minister video on the short-form app sev3");
        String second = channelOf("ESC-2");
        harness.esc(DIEGO, second, "task add Ask the host for the upload logs");

        assertThat(harness.esc(AMARA, second, "link ESC-1").toString()).contains("linked this case to *ESC-1*");
        harness.slack.await("chat.update", c -> first.equals(c.param("channel")) && c.json("blocks").contains("linked: ESC-2"), WAIT);

        assertThat(harness.esc(DIEGO, second, "merge ESC-1").get("text").getAsString())
                .isEqualTo("Only the case owner, the on-call or someone in the `responders` group can merge ESC-2.");
        harness.esc(AMARA, second, "merge ESC-1");

        FakeSlackApi.Call moved = harness.slack.await("chat.postMessage", c -> second.equals(c.param("channel")) && c.param("text") != null
                && c.param("text").startsWith(":twisted_rightwards_arrows:"), WAIT);
        assertThat(moved.param("text")).contains("merged this case into *ESC-1*", "1 open task moved");
        FakeSlackApi.Call arrived = harness.slack.await("chat.postMessage", c -> first.equals(c.param("channel")) && c.param("text") != null
                && c.param("text").startsWith(":twisted_rightwards_arrows:"), WAIT);
        assertThat(arrived.param("text")).contains("merged duplicate *ESC-2*", "<@" + DIEGO + ">");
        harness.slack.await("conversations.invite", c -> first.equals(c.param("channel")) && c.param("users").contains(DIEGO), WAIT);
        harness.slack.await("chat.update", c -> second.equals(c.param("channel")) && c.json("blocks").contains("Duplicate of ESC-1"), WAIT);

        assertThat(harness.esc(AMARA, first, "task list").get("text").getAsString()).contains("Ask the host for the upload logs");
        assertThat(harness.esc(AMARA, "C0TEAM", "status").get("text").getAsString()).doesNotContain("ESC-2 ");
    }

    @Test
    void a_restricted_case_is_not_linked_by_someone_who_is_not_on_it() throws Exception {
        harness.esc(CHLOE, "C0TEAM", "open Subpoena for the uploader's data type:regulatory-request sev2");
        harness.esc(DIEGO, "C0TEAM", "open The uploader's video sev3");
        String second = channelOf("ESC-2");

        assertThat(harness.esc(DIEGO, second, "link ESC-1").get("text").getAsString()).isEqualTo("There is no case ESC-1 that you can see.");
        harness.settle();
        assertThat(harness.slack.calls("chat.update")).noneMatch(c -> c.json("blocks") != null && c.json("blocks").contains("linked:"));
    }
}
