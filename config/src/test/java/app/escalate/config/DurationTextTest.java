package app.escalate.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationTextTest {
    @Test
    void reads_the_short_forms_people_write() {
        assertThat(DurationText.parse("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(DurationText.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationText.parse("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(DurationText.parse("PT45S")).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void refuses_zero_and_nonsense() {
        assertThatThrownBy(() -> DurationText.parse("0m")).hasMessageContaining("longer than zero");
        assertThatThrownBy(() -> DurationText.parse("5 minutes")).hasMessageContaining("such as 15m");
        assertThatThrownBy(() -> DurationText.parse("")).hasMessageContaining("such as 15m");
    }
}
