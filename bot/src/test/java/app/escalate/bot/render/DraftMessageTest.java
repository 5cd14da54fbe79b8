package app.escalate.bot.render;

import app.escalate.commands.UserId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DraftMessageTest {
    private static final Set<UserId> PEOPLE = Set.of(new UserId("U0ESCMARIA"));

    @Test
    void a_long_summary_full_of_escapes_is_split_between_lines_and_words_and_loses_nothing() {
        String line = "R&D <asked> <@U0ESCMARIA> to check & confirm. ".repeat(60);   // ~2,800 raw, far more escaped
        String text = "Bottom line: ESC-4.\n" + line + "\nNext: the host replies by 18:00 UTC.\nAsks: none.";

        List<String> sections = DraftMessage.sections(text, PEOPLE);

        assertThat(sections).hasSizeGreaterThan(1).allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(2_900));
        String joined = String.join("\n", sections);
        assertThat(joined).startsWith("Bottom line: ESC-4.").endsWith("Next: the host replies by 18:00 UTC.\nAsks: none.")
                .doesNotContain("<asked>").contains("R&amp;D &lt;asked&gt; <@U0ESCMARIA>");
        assertThat(joined.replace("\n", " ").split("R&amp;D", -1)).hasSize(61);
        assertThat(sections).noneMatch(s -> s.endsWith("&") || s.endsWith("&amp") || s.endsWith("<@"));
    }

    @Test
    void a_mention_of_someone_not_on_the_case_stays_inert() {
        assertThat(DraftMessage.sections("Thanks <@U0OUTSIDER> and <!channel>", PEOPLE))
                .containsExactly("Thanks &lt;@U0OUTSIDER&gt; and &lt;!channel&gt;");
    }
}
