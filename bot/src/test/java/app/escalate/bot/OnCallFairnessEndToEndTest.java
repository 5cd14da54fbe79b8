package app.escalate.bot;

import app.escalate.storage.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /esc oncall report}: the fairness figures to the asker, the same as a CSV by direct
 * message, and on the 1st of the month last month's report in the team channel, once.
 */
class OnCallFairnessEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    @Test
    void the_report_answers_the_asker_and_the_csv_follows_by_direct_message() throws Exception {
        harness.esc("U0ESCCHLOE", "C0TEAM", "open Deepfake of a minister sev2 type:deepfake");   // pages Amara (EMEA) at 12:00 London time
        harness.slack.await("pins.add", c -> true, WAIT);

        String text = harness.esc("U0ESCHELEN", "C0TEAM", "oncall report").get("text").getAsString();
        assertThat(text).startsWith(":scales: *On-call fairness*, last 30 days (2026-10-25 12:00 to 2026-11-24 12:00 UTC)")
                .contains("• <@U0ESCAMARA>: *", "• <@U0ESCKENJI>: *", "• <@U0ESCMARIA>: *", "• <@U0ESCLUCAS>: *", "Spread: *")
                .doesNotContain("Deepfake of a minister", "CSV");
        assertThat(harness.esc("U0ESCHELEN", "C0TEAM", "oncall").get("text").getAsString()).as("bare oncall as before")
                .contains("*Escalations on-call*", "• Primary: ");

        String csvAnswer = harness.esc("U0ESCHELEN", "C0TEAM", "oncall report csv").get("text").getAsString();
        assertThat(csvAnswer).endsWith(":memo: The same figures follow as a CSV file by direct message.");

        FakeSlackApi.Call asked = harness.slack.await("files.getUploadURLExternal", FakeSlackApi.Call::answeredOk, WAIT);
        assertThat(asked.param("filename")).isEqualTo("oncall-fairness-2026-10-25-to-2026-11-24.csv");
        FakeSlackApi.Call upload = harness.slack.await("upload", c -> true, WAIT);
        FakeSlackApi.Call done = harness.slack.await("files.completeUploadExternal", FakeSlackApi.Call::answeredOk, WAIT);
        assertThat(done.param("channel_id")).as("a direct message to the asker").isEqualTo("D0ESCHELEN");
        assertThat(done.param("files")).contains(upload.param("file_id"), "On-call fairness, last 30 days");

        List<String> csv = Arrays.asList(new String(harness.slack.uploadedFile(upload.param("file_id")), StandardCharsets.UTF_8).split("\n"));
        assertThat(csv.get(0)).isEqualTo("user,primary_hours,secondary_hours,on_call_hours,night_hours,weekend_hours,holiday_hours,"
                + "pages,pages_outside_working_hours");
        assertThat(csv.subList(1, csv.size())).extracting(line -> line.split(",")[0])
                .containsExactlyInAnyOrder("U0ESCKENJI", "U0ESCAMARA", "U0ESCMARIA", "U0ESCLUCAS");
        // The example rotation leaves no hour uncovered: 30 days of primary and of secondary are 720 hours each.
        assertThat(column(csv, 1).doubleValue()).isCloseTo(720.0, org.assertj.core.data.Offset.offset(0.05));
        assertThat(column(csv, 2).doubleValue()).isCloseTo(720.0, org.assertj.core.data.Offset.offset(0.05));
        // The case paged Amara on a Tuesday at noon in London: one page, within her working hours.
        assertThat(csv).anySatisfy(line -> assertThat(line).startsWith("U0ESCAMARA,").endsWith(",1,0"));
        for (String line : csv.subList(1, csv.size())) {
            String[] cells = line.split(",");
            assertThat(new BigDecimal(cells[3])).as("on call within primary + secondary").isLessThanOrEqualTo(
                    new BigDecimal(cells[1]).add(new BigDecimal(cells[2])));
            assertThat(text).as("the answer and the file agree").contains("• <@" + cells[0] + ">: *" + new BigDecimal(cells[3]).setScale(1,
                    java.math.RoundingMode.HALF_UP) + " h* on call");
        }
    }

    @Test
    void last_month_goes_to_the_team_channel_on_the_first_once_across_a_restart() throws Exception {
        harness.advance(Duration.between(BotHarness.START, Instant.parse("2026-12-01T06:00:30Z")));
        FakeSlackApi.Call post = harness.slack.await("chat.postMessage", OnCallFairnessEndToEndTest::isFairnessPost, WAIT);

        assertThat(post.param("channel")).isEqualTo("escalations");
        assertThat(post.param("text")).startsWith(":scales: *On-call fairness*, November 2026 (2026-11-01 00:00 to 2026-12-01 00:00 UTC)")
                .contains("• <@U0ESCAMARA>: *", "Spread: *");

        harness.restart();
        // The month's job made due again, as a replica behind on its schedule would run it: the month's row keeps it to one post.
        try (Database db = harness.database()) {
            db.jdbi().useHandle(h -> h.createUpdate("UPDATE scheduled_tasks SET execution_time = :at WHERE task_name = 'fairness-monthly'")
                    .bind("at", Instant.parse("2026-12-01T06:00:00Z")).execute());
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> harness.scheduledRuns("fairness-monthly").ok() >= 1);
        harness.settle();
        assertThat(harness.slack.calls("chat.postMessage")).filteredOn(OnCallFairnessEndToEndTest::isFairnessPost).hasSize(1);
    }

    private static BigDecimal column(List<String> csv, int index) {
        return csv.subList(1, csv.size()).stream().map(line -> new BigDecimal(line.split(",")[index])).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static boolean isFairnessPost(FakeSlackApi.Call call) {
        return call.param("text") != null && call.param("text").contains("*On-call fairness*");
    }
}
