package app.escalate.bot.render;

import app.escalate.commands.Acknowledgement;
import app.escalate.commands.Case;
import app.escalate.commands.CaseChannel;
import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseId;
import app.escalate.commands.CaseState;
import app.escalate.commands.ChannelId;
import app.escalate.commands.Resolution;
import app.escalate.commands.Severity;
import app.escalate.commands.Task;
import app.escalate.commands.UserId;
import app.escalate.config.PolicyLoader;
import com.google.gson.GsonBuilder;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CaseCardTest {
    private static final Instant OPENED = Instant.parse("2026-11-28T03:00:00Z");
    private static final UserId MARIA = new UserId("U0ESCMARIA");
    private static final UserId KENJI = new UserId("U0ESCKENJI");

    private static Case deepfake() {
        return new Case(new CaseId(42), "Deepfake of a candidate <!here>", Severity.SEV1, CaseState.INVESTIGATING,
                Optional.of("deepfake"), Optional.empty(), MARIA, Optional.empty(), OPENED,
                Optional.of(new CaseChannel(new ChannelId("C0CASE"), "esc-42-deepfake")), Optional.empty(), Optional.empty(), false);
    }

    private static CaseFile file(Case c) {
        return new CaseFile(c, List.of(), Set.of(), Set.of(MARIA));
    }

    private static String json(SlackMessage message) {
        return new GsonBuilder().disableHtmlEscaping().create().toJson(message.blocks());
    }

    @Test
    void leads_with_id_severity_and_state_then_the_escaped_title() {
        SlackMessage card = CaseCard.of(file(deepfake()), PolicyLoader.builtIn());

        assertThat(json(card)).contains("*ESC-42 · SEV1 · investigating*\\nDeepfake of a candidate &lt;!here&gt;")
                .doesNotContain("<!here>");
        assertThat(card.text()).startsWith("ESC-42 SEV1 investigating: ").doesNotContain("<!here>");
    }

    @Test
    void shows_reporter_type_and_the_sla_deadlines_in_the_readers_time_zone() {
        String json = json(CaseCard.of(file(deepfake()), PolicyLoader.builtIn()));

        long opened = OPENED.getEpochSecond();
        assertThat(json).contains("*Reporter*\\n<@U0ESCMARIA>", "*Owner*\\n_unassigned_", "Deepfake / synthetic media",
                "*Opened*\\n<!date^" + opened + "^{date_short_pretty} {time}|2026-11-28 03:00 UTC>",
                "*Acknowledged*\\n_not yet_ (by <!date^" + (opened + 5 * 60) + "^",
                "*Mitigate by*\\n<!date^" + (opened + 60 * 60) + "^",
                "*Stakeholders*\\n_none yet_", "*Open tasks*\\n0");
    }

    @Test
    void shows_owner_acknowledgement_stakeholders_open_tasks_and_resolution_as_they_change() {
        Instant later = OPENED.plusSeconds(600);
        Case resolved = deepfake().withOwner(KENJI).acknowledgedBy(KENJI, later)
                .resolvedWith(new Resolution("Removed on all surfaces", Optional.of("adversarial-abuse"), KENJI, later));
        Task open = new Task(1, "Notify the campaign", Optional.empty(), KENJI, later, Optional.empty(), Optional.empty());
        Task done = open.done(KENJI, later);
        CaseFile file = new CaseFile(resolved, List.of(open, new Task(2, "x", Optional.empty(), KENJI, later,
                done.doneBy(), done.doneAt())), Set.of("legal", "comms"), Set.of(MARIA));

        String json = json(CaseCard.of(file, PolicyLoader.builtIn()));

        assertThat(json).contains("*ESC-42 · SEV1 · resolved*", "*Owner*\\n<@U0ESCKENJI>",
                "*Acknowledged*\\n<@U0ESCKENJI>, <!date^" + later.getEpochSecond(), "*Stakeholders*\\ncomms, legal",
                "*Open tasks*\\n1", "*Resolution* (<@U0ESCKENJI>", "Removed on all surfaces",
                "*Root cause:* Deliberate abuse or coordinated manipulation");
    }

    @Test
    void the_topic_reads_severity_state_owner_and_id() {
        assertThat(CaseCard.topic(deepfake())).isEqualTo("SEV1 · investigating · no owner · ESC-42");
        assertThat(CaseCard.topic(deepfake().withOwner(KENJI))).isEqualTo("SEV1 · investigating · owner <@U0ESCKENJI> · ESC-42");
    }

    @Test
    void a_restricted_case_is_marked() {
        Case c = deepfake();
        Case restricted = new Case(c.id(), c.title(), c.severity(), c.state(), c.caseType(), Optional.empty(), c.reporter(), c.owner(), c.openedAt(),
                c.channel(), c.acknowledged(), c.resolution(), true);
        assertThat(json(CaseCard.of(file(restricted), PolicyLoader.builtIn()))).contains(":lock: restricted");
    }
}
