package app.escalate.config;

import java.util.Optional;

/** The model endpoint for drafts; empty values mean the provider's defaults. */
public record LlmSettings(LlmProvider provider, Optional<String> baseUrl, Optional<String> model,
                          Optional<Secret> apiKey) {
}
