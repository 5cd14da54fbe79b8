package app.escalate.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BotSettingsTest {

    @Test
    void starts_the_sandbox_with_the_contract_defaults_when_nothing_is_set() {
        BotSettings settings = BotSettings.fromEnv(Map.of());

        assertThat(settings.mode()).isEqualTo(BotSettings.Mode.SANDBOX);
        assertThat(settings.port()).isEqualTo(3000);
        assertThat(settings.databaseUrl()).isEqualTo("jdbc:h2:file:./data/escalate");
        assertThat(settings.slackApiUrl()).hasToString("https://slack.com/api/");
        assertThat(settings.policyFile()).isEmpty();
        assertThat(settings.llm().provider()).isEqualTo(LlmProvider.NONE);
    }

    @Test
    void keeps_only_intake_variables_as_intake_secrets_and_never_prints_them() {
        BotSettings settings = BotSettings.fromEnv(Map.of("INTAKE_TRUST_CLASSIFIER_SECRET", "s3cr3t-value", "HOME", "/root", "INTAKE_EMPTY", " "));

        assertThat(settings.intakeSecrets()).containsOnlyKeys("INTAKE_TRUST_CLASSIFIER_SECRET");
        assertThat(settings.intakeSecrets().get("INTAKE_TRUST_CLASSIFIER_SECRET").value()).isEqualTo("s3cr3t-value");
        assertThat(settings.toString()).doesNotContain("s3cr3t-value");
        assertThat(settings.intakeSecrets().toString()).doesNotContain("s3cr3t-value");
    }

    @Test
    void http_mode_needs_the_signing_secret() {
        assertThatThrownBy(() -> BotSettings.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-1")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("SLACK_SIGNING_SECRET");

        BotSettings http = BotSettings.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s"));
        assertThat(http.mode()).isEqualTo(BotSettings.Mode.HTTP);
    }

    @Test
    void an_app_token_switches_to_socket_mode() {
        BotSettings socket = BotSettings.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1"));
        assertThat(socket.mode()).isEqualTo(BotSettings.Mode.SOCKET);
    }

    @Test
    void a_bad_port_names_the_variable_in_one_line() {
        assertThatThrownBy(() -> BotSettings.fromEnv(Map.of("PORT", "abc")))
                .isInstanceOf(SettingsException.class)
                .hasMessage("PORT must be a whole number from 0 to 65535, got \"abc\"");
        assertThatThrownBy(() -> BotSettings.fromEnv(Map.of("PORT", "70000")))
                .hasMessageStartingWith("PORT ");
    }

    @Test
    void a_management_port_is_optional_and_checked_like_port() {
        assertThat(BotSettings.fromEnv(Map.of()).managementPort()).isEmpty();
        assertThat(BotSettings.fromEnv(Map.of("MANAGEMENT_PORT", "9090")).managementPort()).hasValue(9090);
        assertThatThrownBy(() -> BotSettings.fromEnv(Map.of("MANAGEMENT_PORT", "metrics")))
                .isInstanceOf(SettingsException.class)
                .hasMessage("MANAGEMENT_PORT must be a whole number from 0 to 65535, got \"metrics\"");
    }

    @Test
    void an_unreadable_policy_file_names_the_variable() {
        assertThatThrownBy(() -> BotSettings.fromEnv(Map.of("ESCALATE_CONFIG", "/nonexistent/policy.yml")))
                .isInstanceOf(SettingsException.class)
                .hasMessage("ESCALATE_CONFIG names no readable file: /nonexistent/policy.yml");
    }

    @Test
    void the_api_url_gets_its_trailing_slash_and_must_be_http() {
        assertThat(BotSettings.fromEnv(Map.of("SLACK_API_URL", "http://127.0.0.1:9999/api")).slackApiUrl())
                .hasToString("http://127.0.0.1:9999/api/");
        assertThatThrownBy(() -> BotSettings.fromEnv(Map.of("SLACK_API_URL", "ftp://x/api/")))
                .hasMessageStartingWith("SLACK_API_URL ");
    }

    @Test
    void rejects_a_database_url_it_cannot_drive_without_echoing_a_password() {
        assertThatThrownBy(() -> BotSettings.fromEnv(Map.of("DATABASE_URL", "mysql://db?user=a&password=hunter2")))
                .hasMessageStartingWith("DATABASE_URL ")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void rejects_an_unknown_llm_provider() {
        assertThatThrownBy(() -> BotSettings.fromEnv(Map.of("LLM_PROVIDER", "gpt")))
                .hasMessage("LLM_PROVIDER must be one of none, openai, anthropic, ollama, got \"gpt\"");
    }

    @Test
    void never_prints_a_secret() {
        BotSettings settings = BotSettings.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-very-secret",
                "SLACK_SIGNING_SECRET", "sign-very-secret", "LLM_API_KEY", "sk-very-secret",
                "DATABASE_URL", "jdbc:postgresql://db:5432/esc?user=esc&password=very-secret&ssl=true",
                "LLM_BASE_URL", "https://user:very-secret@llm.example/v1"));
        assertThat(settings.toString()).doesNotContain("very-secret")
                .contains("jdbc:postgresql://db:5432/esc?user=esc&password=****&ssl=true");
        assertThat(settings.llm().toString()).doesNotContain("very-secret");
        assertThat(BotSettings.redact("jdbc:postgresql://esc:very-secret@db/esc")).isEqualTo("jdbc:postgresql://****@db/esc");
    }

    @Test
    void the_calendar_feed_token_must_be_long_enough_to_be_a_lock() {
        assertThat(BotSettings.fromEnv(Map.of()).oncallFeedToken()).isEmpty();
        assertThatThrownBy(() -> BotSettings.fromEnv(Map.of("ONCALL_FEED_TOKEN", "short")))
                .hasMessageStartingWith("ONCALL_FEED_TOKEN must be at least 16 characters");
        assertThat(BotSettings.fromEnv(Map.of("ONCALL_FEED_TOKEN", "0123456789abcdef")).oncallFeedToken()).isPresent();
    }

    @org.junit.jupiter.api.Test
    void the_model_timeout_is_read_and_checked() {
        assertThat(BotSettings.fromEnv(java.util.Map.of()).llm().timeout()).isEqualTo(java.time.Duration.ofSeconds(20));
        assertThat(BotSettings.fromEnv(java.util.Map.of("LLM_TIMEOUT", "45s")).llm().timeout()).isEqualTo(java.time.Duration.ofSeconds(45));
        assertThatThrownBy(() -> BotSettings.fromEnv(java.util.Map.of("LLM_TIMEOUT", "soon")))
                .hasMessage("LLM_TIMEOUT must be a duration such as 20s or 1m (1s to 5m), got \"soon\"");
        assertThatThrownBy(() -> BotSettings.fromEnv(java.util.Map.of("LLM_TIMEOUT", "1h")))
                .hasMessageStartingWith("LLM_TIMEOUT must be");
    }

    @org.junit.jupiter.api.Test
    void a_hosted_model_without_a_key_is_refused_in_one_line() {
        assertThatThrownBy(() -> BotSettings.fromEnv(java.util.Map.of("LLM_PROVIDER", "anthropic")))
                .hasMessage("LLM_API_KEY is required with LLM_PROVIDER=anthropic");
        assertThat(BotSettings.fromEnv(java.util.Map.of("LLM_PROVIDER", "openai", "LLM_BASE_URL", "http://127.0.0.1:8080/v1")).llm().apiKey()).isEmpty();
    }
}
