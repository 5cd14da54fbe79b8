package app.escalate.bot.render;

import app.escalate.commands.Acknowledgement;
import app.escalate.commands.Case;
import app.escalate.commands.CaseChannel;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseId;
import app.escalate.commands.CaseState;
import app.escalate.commands.ChannelId;
import app.escalate.commands.HandoffDigest;
import app.escalate.commands.Paging;
import app.escalate.commands.Severity;
import app.escalate.commands.Task;
import app.escalate.commands.UserId;
import app.escalate.commands.Watch;
import app.escalate.commands.handoff.DigestBuilder;
import app.escalate.commands.handoff.HandoffDigests;
import app.escalate.commands.handoff.HandoffNote;
import app.escalate.config.PolicyLoader;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class HandoffMessageTest {
    private static final Instant NOW = Instant.parse("2026-11-27T01:00:00Z");
    private static final UserId MARIA = new UserId("U0ESCMARIA");
    private static final UserId LUCAS = new UserId("U0ESCLUCAS");
    private static final HandoffDigest.Header WEEKEND = new HandoffDigest.Header("escalations", "Escalations on-call", Optional.of(MARIA),
            LUCAS, NOW, NOW.minus(Duration.ofHours(9)), true, true, Optional.of(new UserId("U0ESCKENJI")),
            List.of(new UserId("U0ESCHELEN")));

    /** Worst-case text: the longest titles, tasks and notes, full of characters that grow when escaped. */
    private static HandoffDigest tenThousandCases() {
        String title = "Scam ads & <fake> \"giveaways\" ".repeat(6);
        List<CaseFile> open = new ArrayList<>();
        List<CaseEvent> changes = new ArrayList<>();
        for (int n = 1; n <= 10_000; n++) {
            Instant opened = NOW.minus(Duration.ofMinutes(n % 5_000));
            Case c = new Case(new CaseId(n), title + n, Severity.values()[n % 4], CaseState.INVESTIGATING, Optional.empty(),
                    Optional.empty(), MARIA, Optional.of(MARIA), opened,
                    Optional.of(new CaseChannel(new ChannelId("C0" + n), "esc-" + n)),
                    n % 2 == 0 ? Optional.of(new Acknowledgement(MARIA, opened)) : Optional.empty(), Optional.empty(), n % 97 == 0);
            open.add(new CaseFile(c, List.of(new Task(1, "Ask the host <&> for logs ".repeat(10), Optional.of(LUCAS), MARIA, opened,
                    Optional.empty(), Optional.empty())), n % 3 == 0 ? Set.of("legal", "comms", "policy") : Set.of(), Set.of(MARIA),
                    Paging.NONE, n % 5 == 0 ? Optional.of(new Watch(MARIA, NOW)) : Optional.empty()));
            changes.add(CaseEvent.opened(c, Optional.empty()));
        }
        List<HandoffNote> notes = new ArrayList<>();
        for (int i = 0; i < 30; i++) notes.add(new HandoffNote(Optional.empty(), MARIA, "<&> ".repeat(750), NOW.minusSeconds(i)));
        return new DigestBuilder(PolicyLoader.builtIn()).build(WEEKEND,
                new DigestBuilder.Facts(open, changes, id -> Optional.empty(), notes), HandoffDigests.forTeam(), NOW);
    }

    @Test
    void ten_thousand_open_cases_fit_within_slacks_limits_and_say_how_many_more_there_are() {
        SlackMessage message = HandoffMessage.of(tenThousandCases(), Optional.of(42L));

        assertThat(message.blocks().size()).isLessThanOrEqualTo(HandoffMessage.MAX_BLOCKS);
        JsonElement blocks = JsonParser.parseString(com.slack.api.util.json.GsonFactory.createSnakeCase().toJson(message.blocks()));
        for (JsonElement block : blocks.getAsJsonArray()) {
            JsonObject b = block.getAsJsonObject();
            if (b.has("text")) {
                String text = b.getAsJsonObject("text").get("text").getAsString();
                assertThat(text.length()).as(text.substring(0, Math.min(40, text.length()))).isLessThanOrEqualTo(b.get("type").getAsString().equals("header") ? 150 : 3000);
            }
        }
        String all = blocks.toString();
        assertThat(all).contains("Weekend handoff: Escalations on-call", "Weekend cover", "Watch over the weekend",
                "more SEV1", "more SEV4", "restricted cases are open", "Notes from the outgoing shift*\\n• <@U0ESCMARIA>: &lt;&amp;&gt;", "\"action_id\":\"handoff_accept\"", "\"value\":\"42\"");
        assertThat(all).doesNotContain("<fake>", "<&>");   // user text is escaped
    }

    @Test
    void a_preview_has_no_accept_button_and_an_empty_shift_says_so() {
        HandoffDigest empty = new DigestBuilder(PolicyLoader.builtIn()).build(WEEKEND,
                new DigestBuilder.Facts(List.of(), List.of(), id -> Optional.empty(), List.of()), HandoffDigests.forTeam(), NOW);

        String all = com.slack.api.util.json.GsonFactory.createSnakeCase().toJson(HandoffMessage.of(empty, Optional.empty()).blocks());

        assertThat(all).doesNotContain("handoff_accept").contains("Nothing is breached, at risk or unacknowledged",
                "No case opened, resolved or re-rated", "Nothing flagged with `/esc watch`", "preview");
    }

    @Test
    void ages_read_as_people_say_them() {
        assertThat(HandoffMessage.age(Duration.ofMinutes(42))).isEqualTo("42m");
        assertThat(HandoffMessage.age(Duration.ofMinutes(130))).isEqualTo("2h 10m");
        assertThat(HandoffMessage.age(Duration.ofHours(75))).isEqualTo("3d 3h");
    }

    @Test
    void a_case_line_says_which_facts_are_still_to_record_escaped() {
        HandoffDigest.CaseLine line = new HandoffDigest.CaseLine(7, 2, "Deepfake of a minister", "investigating", Optional.empty(),
                NOW.minus(Duration.ofHours(1)), Optional.empty(), Optional.empty(), true, false, Optional.empty(), List.of("Media URL", "Depicted <person>"));

        assertThat(HandoffMessage.line(line, NOW)).endsWith("Deepfake of a minister — still to record: Media URL, Depicted &lt;person&gt;");
    }
}
