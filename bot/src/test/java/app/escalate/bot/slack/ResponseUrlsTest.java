package app.escalate.bot.slack;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseUrlsTest {
    @Test
    void trusts_slacks_hooks_and_the_api_host_only() {
        ResponseUrls slack = new ResponseUrls(URI.create("https://slack.com/api/"));
        assertThat(slack.trusted("https://hooks.slack.com/commands/T1/2/abc")).isTrue();
        assertThat(slack.trusted("https://slack.com/x")).isTrue();
        assertThat(slack.trusted("http://169.254.169.254/latest/meta-data")).isFalse();
        assertThat(slack.trusted("https://hooks.slack.com.evil.example/x")).isFalse();
        assertThat(slack.trusted("https://attacker@slack.com/x")).isFalse();

        ResponseUrls local = new ResponseUrls(URI.create("http://127.0.0.1:3000/api/"));
        assertThat(local.trusted("http://127.0.0.1:3000/response/1")).isTrue();
        assertThat(local.trusted("http://127.0.0.1:8080/admin")).isFalse();
    }
}
