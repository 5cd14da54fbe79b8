package app.escalate.bot.render;

import app.escalate.commands.Case;
import app.escalate.commands.CaseChannel;
import app.escalate.commands.CaseId;
import app.escalate.commands.CaseState;
import app.escalate.commands.ChannelId;
import app.escalate.commands.Severity;
import app.escalate.commands.UserId;
import app.escalate.config.PolicyLoader;
import com.google.gson.GsonBuilder;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CaseCardTest {
    private static final Instant OPENED = Instant.parse("2026-11-28T03:00:00Z");

    private static Case deepfake(Optional<UserId> owner) {
        return new Case(new CaseId(42), "Deepfake of a candidate <!here>", Severity.SEV1, CaseState.INVESTIGATING,
                Optional.of("deepfake"), new UserId("U0ESCMARIA"), owner, OPENED,
                Optional.of(new CaseChannel(new ChannelId("C0CASE"), "esc-42-deepfake")));
    }

    private static String json(SlackMessage message) {
        return new GsonBuilder().disableHtmlEscaping().create().toJson(message.blocks());
    }

    @Test
    void leads_with_id_severity_and_state_then_the_escaped_title() {
        SlackMessage card = CaseCard.of(deepfake(Optional.empty()), PolicyLoader.builtIn());

        assertThat(json(card)).contains("*ESC-42 · SEV1 · investigating*\\nDeepfake of a candidate &lt;!here&gt;")
                .doesNotContain("<!here>");
        assertThat(card.text()).startsWith("ESC-42 SEV1 investigating: ").doesNotContain("<!here>");
    }

    @Test
    void shows_reporter_owner_type_and_the_sla_deadlines_in_the_readers_time_zone() {
        String json = json(CaseCard.of(deepfake(Optional.of(new UserId("U0ESCKENJI"))), PolicyLoader.builtIn()));

        long opened = OPENED.getEpochSecond();
        assertThat(json).contains("*Reporter*\\n<@U0ESCMARIA>", "*Owner*\\n<@U0ESCKENJI>", "Deepfake / synthetic media",
                "*Opened*\\n<!date^" + opened + "^{date_short_pretty} {time}|2026-11-28 03:00 UTC>",
                "*Ack by*\\n<!date^" + (opened + 5 * 60) + "^",
                "*Mitigate by*\\n<!date^" + (opened + 60 * 60) + "^");
    }

    @Test
    void an_unowned_case_says_so() {
        assertThat(json(CaseCard.of(deepfake(Optional.empty()), PolicyLoader.builtIn()))).contains("*Owner*\\n_unassigned_");
    }
}
