package app.escalate.config;

import java.time.Duration;
import java.util.Optional;

/**
 * The model endpoint for drafts; empty values mean the provider's defaults. A call that takes
 * longer than {@code timeout} is abandoned and the draft comes from the template instead.
 */
public record LlmSettings(LlmProvider provider, Optional<String> baseUrl, Optional<String> model,
                          Optional<Secret> apiKey, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    public LlmSettings(LlmProvider provider, Optional<String> baseUrl, Optional<String> model, Optional<Secret> apiKey) {
        this(provider, baseUrl, model, apiKey, DEFAULT_TIMEOUT);
    }

    @Override
    public String toString() {
        return "LlmSettings[provider=" + provider + ", baseUrl=" + baseUrl.map(BotSettings::redact).orElse("default")
                + ", model=" + model.orElse("default") + ", apiKey=" + apiKey.map(k -> "****").orElse("none") + ", timeout=" + timeout + "]";
    }
}
