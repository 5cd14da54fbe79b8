package app.escalate.bot.intake;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class IntakeSignatureTest {
    private static final String SECRET = "source-secret";
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final String TS = Long.toString(NOW.getEpochSecond());
    private static final String BODY = "{\"source\":\"trust-classifier\"}";
    private final IntakeSignature signature = new IntakeSignature(SECRET);

    @Test
    void signs_as_the_readme_says_v0_and_the_hex_hmac_of_v0_timestamp_body() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + TS + ":" + BODY).getBytes(StandardCharsets.UTF_8)));

        assertThat(signature.sign(TS, BODY)).isEqualTo(expected);
        assertThat(signature.holds(TS, BODY, expected, NOW)).isTrue();
    }

    @Test
    void refuses_another_secret_another_body_or_a_missing_part() {
        String signed = signature.sign(TS, BODY);

        assertThat(new IntakeSignature("other").holds(TS, BODY, signed, NOW)).isFalse();
        assertThat(signature.holds(TS, BODY + " ", signed, NOW)).isFalse();
        assertThat(signature.holds(null, BODY, signed, NOW)).isFalse();
        assertThat(signature.holds(TS, BODY, null, NOW)).isFalse();
        assertThat(signature.holds("12:00", BODY, signed, NOW)).isFalse();
    }

    @Test
    void refuses_a_timestamp_more_than_five_minutes_away_either_way() {
        String signed = signature.sign(TS, BODY);

        assertThat(signature.holds(TS, BODY, signed, NOW.plus(Duration.ofMinutes(5)))).isTrue();
        assertThat(signature.holds(TS, BODY, signed, NOW.plus(Duration.ofMinutes(5).plusSeconds(1)))).isFalse();
        assertThat(signature.holds(TS, BODY, signed, NOW.minus(Duration.ofMinutes(5).plusSeconds(1)))).isFalse();
    }
}
