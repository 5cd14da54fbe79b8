package app.escalate.config;

import java.util.Optional;

/** The model endpoint for drafts; empty values mean the provider's defaults. */
public record LlmSettings(LlmProvider provider, Optional<String> baseUrl, Optional<String> model,
                          Optional<Secret> apiKey) {

    @Override
    public String toString() {
        return "LlmSettings[provider=" + provider + ", baseUrl=" + baseUrl.map(BotSettings::redact).orElse("default")
                + ", model=" + model.orElse("default") + ", apiKey=" + apiKey.map(k -> "****").orElse("none") + "]";
    }
}
