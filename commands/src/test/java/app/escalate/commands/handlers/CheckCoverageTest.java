package app.escalate.commands.handlers;

import app.escalate.commands.InMemoryOverrideStore;
import app.escalate.commands.Level;
import app.escalate.commands.ShiftOverride;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import app.escalate.commands.oncall.OnCall;
import app.escalate.config.Policy;
import app.escalate.config.PolicyLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class CheckCoverageTest {
    private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");

    @Test
    void the_example_policy_has_nothing_to_warn_about() {
        Policy policy = PolicyLoader.builtIn();
        CheckCoverage check = new CheckCoverage(policy, new OnCall(policy, new InMemoryOverrideStore()), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(check.notice()).isEmpty();
    }

    @Test
    void a_gap_is_named_for_the_team_channel_and_an_override_closes_it(@TempDir Path dir) throws Exception {
        // London's window shortened to 09:00-17:00 leaves 08:00-09:00 UTC uncovered on weekdays.
        Path file = dir.resolve("policy.yml");
        try (var in = PolicyLoader.class.getResourceAsStream(PolicyLoader.BUILT_IN)) {
            Files.writeString(file, new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("time_zone: Europe/London\n        window: \"08:00-17:00\"", "time_zone: Europe/London\n        window: \"09:00-17:00\""));
        }
        Policy policy = PolicyLoader.load(file);
        InMemoryOverrideStore overrides = new InMemoryOverrideStore();
        CheckCoverage check = new CheckCoverage(policy, new OnCall(policy, overrides), Clock.fixed(NOW, ZoneOffset.UTC));

        SlackEffect.TeamNotice notice = check.notice().orElseThrow();
        assertThat(notice.channel()).isEqualTo("escalations");
        assertThat(notice.text()).startsWith("On-call coverage: nobody is on call in these windows of the next 14 days (times in UTC).")
                .contains("- Escalations on-call, primary: Tue 24 Nov 08:00 to Tue 24 Nov 09:00",   // Monday morning is still the weekend in LA
                        "- Escalations on-call, primary: Wed 25 Nov 08:00 to Wed 25 Nov 09:00")
                .doesNotContain("Mon 23 Nov");

        overrides.add(new ShiftOverride(0, "escalations", Level.PRIMARY, new UserId("U0ESCAMARA"), Instant.parse("2026-11-24T08:00:00Z"),
                Instant.parse("2026-11-24T09:00:00Z"), new UserId("U0ESCAMARA"), NOW));
        assertThat(check.notice().orElseThrow().text()).doesNotContain("Tue 24 Nov 08:00").contains("Wed 25 Nov 08:00");
    }
}
