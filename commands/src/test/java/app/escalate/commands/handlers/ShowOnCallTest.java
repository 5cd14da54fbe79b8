package app.escalate.commands.handlers;

import app.escalate.commands.Reply;
import app.escalate.commands.UserId;
import app.escalate.commands.oncall.Shift;
import app.escalate.config.PolicyLoader;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ShowOnCallTest {
    @Test
    void names_primary_secondary_and_the_next_handoff_for_each_rotation() {
        // Tuesday 24 November 2026, 12:00 in London: EMEA's window.
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);

        Reply.OnCallNow now = (Reply.OnCallNow) new ShowOnCall(PolicyLoader.builtIn(), clock).handle();

        Reply.RotationNow escalations = now.rotations().get(0);
        assertThat(escalations.name()).isEqualTo("Escalations on-call");
        assertThat(escalations.primary()).hasValueSatisfying(s -> {
            assertThat(s.who()).isEqualTo(new UserId("U0ESCAMARA"));
            assertThat(s.until()).isEqualTo(Instant.parse("2026-11-24T16:00:00Z"));   // AMER starts 08:00 in LA
        });
        assertThat(escalations.secondary()).map(Shift::source).contains("Global");
        assertThat(escalations.next()).hasValueSatisfying(s -> {
            assertThat(s.from()).isEqualTo(Instant.parse("2026-11-24T16:00:00Z"));
            assertThat(s.source()).isEqualTo("AMER");
        });
    }
}
