package app.escalate.bot.render;

import app.escalate.commands.Case;
import app.escalate.commands.CaseChannel;
import app.escalate.commands.CaseId;
import app.escalate.commands.CaseState;
import app.escalate.commands.ChannelId;
import app.escalate.commands.PatternSpike;
import app.escalate.commands.Severity;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PatternMessageTest {
    @Test
    void each_spike_links_its_case_channels_and_counts_the_restricted_ones() {
        SlackEffect.PatternAlert alert = new SlackEffect.PatternAlert("escalations", List.of(new PatternSpike(
                "type Deepfake <fake>", 8, 1.2, 3.4e-6, List.of(new CaseId(4), new CaseId(5)), 2)));
        Case four = new Case(new CaseId(4), "x", Severity.SEV2, CaseState.TRIAGE, Optional.empty(), Optional.empty(), new UserId("U0ESCCHLOE"),
                Optional.empty(), Instant.EPOCH, Optional.of(new CaseChannel(new ChannelId("C0ESC4"), "esc-4")), Optional.empty(),
                Optional.empty(), false);

        String text = PatternMessage.of(alert, id -> id.number() == 4 ? Optional.of(four) : Optional.empty());

        assertThat(text).startsWith(":chart_with_upwards_trend: *Emerging pattern*")
                .contains("• type Deepfake &lt;fake&gt;: *8* cases, against 1.2 a day (Poisson p = 3.4e-06): ESC-4 <#C0ESC4>, ESC-5 (+2 restricted)");
    }
}
