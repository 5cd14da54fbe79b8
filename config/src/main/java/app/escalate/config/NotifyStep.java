package app.escalate.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * One step of how a person is paged: {@code after} the page began ({@code 0m} at once, {@code 3m}),
 * by {@code via}: slack, pagerduty or webhook.
 */
public record NotifyStep(String after, String via) {
    public static final List<String> CHANNELS = List.of("slack", "pagerduty", "webhook");

    public NotifyStep {
        if (after == null) throw new IllegalArgumentException("after: how long after the page began, such as 0m or 3m");
        after = after.strip();
        delay(after);   // checks it
        via = via == null ? "" : via.strip().toLowerCase(Locale.ROOT);
        if (!CHANNELS.contains(via)) {
            throw new IllegalArgumentException("via: one of " + String.join(", ", CHANNELS) + ", got \"" + via + "\"");
        }
    }

    public static NotifyStep of(Duration after, String via) {
        return new NotifyStep(after.isZero() ? "0m" : after.toString(), via);
    }

    public Duration delay() {
        return delay(after);
    }

    private static Duration delay(String text) {
        if (text.matches("0+[smhd]?")) return Duration.ZERO;
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("after: " + e.getMessage());
        }
    }
}
