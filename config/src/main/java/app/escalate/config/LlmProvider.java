package app.escalate.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where summary drafts come from; {@code NONE} drafts from a deterministic template. */
public enum LlmProvider {
    NONE, OPENAI, ANTHROPIC, OLLAMA;

    static LlmProvider parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SettingsException("LLM_PROVIDER must be one of "
                    + Arrays.stream(values()).map(p -> p.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                    + ", got \"" + text + "\"");
        }
    }
}
