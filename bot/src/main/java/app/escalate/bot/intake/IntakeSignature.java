package app.escalate.bot.intake;

import com.slack.api.app_backend.SlackSignature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A source's signature on a request, made as Slack signs its own: {@code v0=} and the hex
 * HMAC-SHA256 of {@code v0:<timestamp>:<body>} with the source's secret, the timestamp in Unix
 * seconds. A timestamp more than five minutes from our clock, either way, is refused as Slack's are.
 */
public final class IntakeSignature {
    public static final String TIMESTAMP = "X-Escalate-Timestamp";
    public static final String SIGNATURE = "X-Escalate-Signature";
    static final Duration SKEW = Duration.ofMinutes(5);

    private final SlackSignature.Generator generator;

    public IntakeSignature(String secret) {
        this.generator = new SlackSignature.Generator(secret);
    }

    /** The signature for {@code body} sent at {@code timestamp} (Unix seconds). */
    public String sign(String timestamp, String body) {
        return generator.generate(timestamp, body);
    }

    /** Whether {@code signature} is this secret's on {@code body} at {@code timestamp}, and the timestamp is fresh at {@code now}. */
    public boolean holds(String timestamp, String body, String signature, Instant now) {
        Optional<Instant> signedAt = Optional.ofNullable(timestamp).filter(t -> t.matches("\\d{1,12}"))
                .map(t -> Instant.ofEpochSecond(Long.parseLong(t)));
        if (signedAt.isEmpty() || signature == null || Duration.between(signedAt.get(), now).abs().compareTo(SKEW) > 0) return false;
        // Compared in constant time: how long a refusal takes tells nothing about the right signature.
        return MessageDigest.isEqual(sign(timestamp, body).getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
    }
}
