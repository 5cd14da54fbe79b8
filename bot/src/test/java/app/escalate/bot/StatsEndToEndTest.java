package app.escalate.bot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /esc stats}: the figures at once, then the chart uploaded the way Slack's Web API asks for files. */
class StatsEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    @Test
    void stats_answer_with_the_figures_and_send_a_chart_to_the_asker() throws Exception {
        harness.esc("U0ESCCHLOE", "C0TEAM", "open Refund scam spreading sev2 type:advertiser-integrity");
        harness.esc("U0ESCCHLOE", "C0TEAM", "open Deepfake of a minister sev1 type:deepfake");
        harness.slack.await("pins.add", c -> harness.slack.calls("pins.add").size() == 2, WAIT);

        String text = harness.esc("U0ESCHELEN", "C0TEAM", "stats 7d").get("text").getAsString();
        assertThat(text).contains("*Last 7 days*: 2 cases opened", "• By severity: SEV1 1 · SEV2 1",
                "• By type: Advertiser integrity 1 · Deepfake / synthetic media 1");

        FakeSlackApi.Call asked = harness.slack.await("files.getUploadURLExternal", FakeSlackApi.Call::answeredOk, WAIT);
        assertThat(asked.param("filename")).isEqualTo("escalate-stats-7d.png");
        FakeSlackApi.Call upload = harness.slack.await("upload", c -> true, WAIT);
        assertThat(upload.param("png")).isEqualTo("true");
        assertThat(Integer.parseInt(upload.param("bytes"))).isEqualTo(Integer.parseInt(asked.param("length")));
        FakeSlackApi.Call done = harness.slack.await("files.completeUploadExternal", FakeSlackApi.Call::answeredOk, WAIT);
        assertThat(done.param("channel_id")).as("a direct message to the asker").isEqualTo("D0ESCHELEN");
        assertThat(done.param("files")).contains(upload.param("file_id"), "Escalate stats, last 7 days");

        BufferedImage chart = ImageIO.read(new ByteArrayInputStream(harness.slack.uploadedFile(upload.param("file_id"))));
        assertThat(chart.getWidth()).isEqualTo(1280);
        assertThat(chart.getHeight()).isEqualTo(420);
    }
}
