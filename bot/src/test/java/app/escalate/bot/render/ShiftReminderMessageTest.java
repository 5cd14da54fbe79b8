package app.escalate.bot.render;

import app.escalate.commands.HandoffDigest;
import app.escalate.commands.UserId;
import app.escalate.commands.handoff.ShiftReminder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ShiftReminderMessageTest {
    private static final Instant STARTS = Instant.parse("2026-11-24T16:00:00Z");
    private static final Instant SENT = STARTS.minus(Duration.ofHours(1));
    private static final UserId MARIA = new UserId("U0ESCMARIA");
    private static final UserId AMARA = new UserId("U0ESCAMARA");

    private static ShiftReminder reminder(String rotationName) {
        HandoffDigest.Header header = new HandoffDigest.Header("escalations", rotationName, Optional.of(AMARA), MARIA, STARTS,
                STARTS.minus(Duration.ofHours(8)), false, false, Optional.empty(), List.of());
        HandoffDigest.CaseLine line = new HandoffDigest.CaseLine(7, 2, "Refund scam <spreading>", "investigating", Optional.of(AMARA),
                SENT.minus(Duration.ofHours(2)), Optional.of("C0ESC7"), Optional.empty(), false, false, Optional.empty(), List.of());
        HandoffDigest preview = new HandoffDigest(header, 1, 0, new HandoffDigest.Section<>(List.of(line), 1),
                List.of(new HandoffDigest.SeverityGroup(2, new HandoffDigest.Section<>(List.of(line), 1))),
                new HandoffDigest.Section<>(List.of(), 0), new HandoffDigest.Section<>(List.of(), 0),
                new HandoffDigest.Section<>(List.of(), 0), new HandoffDigest.Section<>(List.of(), 0), List.of(), SENT);
        return new ShiftReminder(1, "escalations", STARTS, MARIA, SENT, preview);
    }

    @Test
    void says_when_the_shift_starts_then_shows_the_digest_as_a_preview_with_nothing_to_accept() {
        SlackMessage message = ShiftReminderMessage.of(reminder("Nights & weekends"), "Nights & weekends");
        String blocks = com.slack.api.util.json.GsonFactory.createSnakeCase().toJson(message.blocks());

        assertThat(message.text()).isEqualTo(":hourglass_flowing_sand: Your shift on Nights &amp; weekends starts <!date^"
                + STARTS.getEpochSecond() + "^{date_short_pretty} {time}|2026-11-24 16:00 UTC>. Preview of your handoff digest below.");
        assertThat(blocks).contains("Preview of your handoff digest: Nights \\u0026 weekends", "taking over from \\u003c@U0ESCAMARA\\u003e",
                "*ESC-7*", "Refund scam \\u0026lt;spreading\\u0026gt;", "comes when your shift starts");
        assertThat(blocks).doesNotContain("handoff_accept", "Handoff: ", "press *Accept handoff* to take the pager");
        assertThat(message.blocks()).hasSizeLessThanOrEqualTo(HandoffMessage.MAX_BLOCKS);
    }
}
