package app.escalate.config;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeopleAndPagingTest {
    private static final String POLICY = PolicyLoaderTestYaml.VALID + """
            paging:
              providers:
                pagerduty: {routing_key_env: PD_ROUTING_KEY}
                webhook: {url: "http://127.0.0.1:9/page", secret_env: PAGER_WEBHOOK_SECRET}
            people:
              U0KENJI:
                time_zone: Asia/Tokyo
                quiet_hours: "22:00-07:00"
                notify:
                  - {after: 3m, via: pagerduty}
                  - {after: 0m, via: slack}
            """;

    private static Policy read(String yaml) {
        return PolicyLoader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "policy.yml");
    }

    @Test
    void a_persons_steps_are_read_in_order_of_delay_and_everyone_else_is_paged_by_slack_alone() {
        Policy policy = read(POLICY);
        Person kenji = policy.person("U0KENJI");
        assertThat(kenji.steps()).extracting(NotifyStep::via).containsExactly("slack", "pagerduty");
        assertThat(kenji.steps().get(1).delay()).isEqualTo(Duration.ofMinutes(3));
        assertThat(kenji.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(policy.person("U0NOBODY").steps()).extracting(NotifyStep::via).containsExactly("slack");
        assertThat(policy.paging().pagerDuty().orElseThrow().events()).hasToString(Paging.PAGERDUTY_EVENTS_URL);
        assertThat(policy.paging().webhook().orElseThrow().secretEnv()).isEqualTo("PAGER_WEBHOOK_SECRET");
        assertThat(read(PolicyLoaderTestYaml.VALID).paging().has("pagerduty")).isFalse();
    }

    @Test
    void quiet_hours_cross_midnight_in_the_persons_own_zone() {
        Person kenji = read(POLICY).person("U0KENJI");
        Instant tokyo2am = Instant.parse("2026-12-05T17:00:00Z");   // 02:00 in Tokyo
        assertThat(kenji.isQuiet(tokyo2am)).isTrue();
        assertThat(kenji.quietUntil(tokyo2am)).isEqualTo(Instant.parse("2026-12-05T22:00:00Z"));   // 07:00 in Tokyo
        assertThat(kenji.isQuiet(Instant.parse("2026-12-05T12:59:00Z"))).isFalse();   // 21:59 in Tokyo
        assertThat(kenji.isQuiet(Instant.parse("2026-12-05T13:00:00Z"))).isTrue();    // 22:00
        assertThat(kenji.quietUntil(Instant.parse("2026-12-05T13:00:00Z"))).isEqualTo(Instant.parse("2026-12-05T22:00:00Z"));
        assertThat(kenji.isWorking(Instant.parse("2026-12-07T01:00:00Z"))).isTrue();   // Monday 10:00 in Tokyo
        assertThat(kenji.isWorking(Instant.parse("2026-12-06T01:00:00Z"))).isFalse();  // Sunday
    }

    @Test
    void mistakes_name_their_key() {
        assertThatThrownBy(() -> read(POLICY.replace("via: pagerduty", "via: pigeon")))
                .hasMessageStartingWith("policy.yml: people.U0KENJI.notify[0]: via: one of slack, pagerduty, webhook, got \"pigeon\"");
        assertThatThrownBy(() -> read(POLICY.replace("pagerduty: {routing_key_env: PD_ROUTING_KEY}\n", "")))
                .hasMessageContaining("people.U0KENJI.notify[1].via: pagerduty is not under paging.providers");
        assertThatThrownBy(() -> read(POLICY.replace("22:00-07:00", "late")))
                .hasMessageContaining("quiet_hours: a daily window such as 22:00-07:00, got \"late\"");
        assertThatThrownBy(() -> read(POLICY.replace("after: 3m", "after: soon")))
                .hasMessageContaining("notify[0]: after: a duration such as 15m");
        assertThatThrownBy(() -> read(POLICY.replace("routing_key_env: PD_ROUTING_KEY", "routing_key_env: pd-key")))
                .hasMessageContaining("routing_key_env: the name of an environment variable");
        assertThatThrownBy(() -> read(POLICY.replace("http://127.0.0.1:9/page", "ftp://x")))
                .hasMessageContaining("url: an http(s) URL, got \"ftp://x\"");
        assertThatThrownBy(() -> read(POLICY.replace("U0KENJI:", "kenji:")))
                .hasMessageContaining("is not a Slack user id");
        assertThatThrownBy(() -> read(POLICY.replace("time_zone: Asia/Tokyo", "time_zone: Tokyo")))
                .hasMessageContaining("time_zone: not a time zone");
    }
}
