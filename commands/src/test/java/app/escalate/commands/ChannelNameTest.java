package app.escalate.commands;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelNameTest {
    private static final CaseId ID = new CaseId(42);

    @Test
    void follows_slacks_naming_rules() {
        assertThat(ChannelName.of("esc", ID, "Deepfake video of a candidate: spreading!"))
                .isEqualTo("esc-42-deepfake-video-of-a-candidate-spreading");
        assertThat(ChannelName.of("esc", ID, "Café déjà vu — Ünïcode")).isEqualTo("esc-42-cafe-deja-vu-unicode");
    }

    @Test
    void a_title_with_no_latin_letters_keeps_just_the_case_number() {
        assertThat(ChannelName.of("esc", ID, "深度伪造 <!channel>")).isEqualTo("esc-42-channel");
        assertThat(ChannelName.of("esc", ID, "深度伪造")).isEqualTo("esc-42");
    }

    @Test
    void never_exceeds_80_characters_nor_ends_in_a_hyphen() {
        String name = ChannelName.of("esc", new CaseId(123456), "word ".repeat(40));
        assertThat(name).hasSizeLessThanOrEqualTo(80).startsWith("esc-123456-word-").doesNotEndWith("-")
                .matches("[a-z0-9-]+");
    }

    @Test
    void an_alternative_name_adds_a_counter_within_the_limit() {
        assertThat(ChannelName.alternative("esc-42-outage", 2)).isEqualTo("esc-42-outage-2");
        String longName = ChannelName.of("esc", ID, "a".repeat(100));
        assertThat(ChannelName.alternative(longName, 13)).hasSizeLessThanOrEqualTo(80).endsWith("-13");
    }
}
