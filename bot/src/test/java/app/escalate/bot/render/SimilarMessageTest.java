package app.escalate.bot.render;

import app.escalate.commands.CaseId;
import app.escalate.commands.EventData;
import app.escalate.config.PolicyLoader;
import com.slack.api.util.json.GsonFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What the similar-cases message names when a case it found can no longer be shown. */
class SimilarMessageTest {

    @Test
    void a_flagged_case_since_made_restricted_is_not_named_by_the_flag_its_button_or_the_notification() {
        EventData.SimilarFound found = new EventData.SimilarFound(List.of(new CaseId(7)), Optional.of(new CaseId(7)));

        // The redraw leaves out a case made restricted: nothing of it is shown.
        SlackMessage message = SimilarMessage.of(new CaseId(9), found, List.of(), Optional.empty(), PolicyLoader.builtIn());

        String blocks = GsonFactory.createSnakeCase().toJson(message.blocks());
        assertThat(blocks).doesNotContain("ESC-7").doesNotContain(SimilarMessage.MERGE).doesNotContain(SimilarMessage.NOT_DUPLICATE);
        assertThat(message.text()).doesNotContain("ESC-7");
    }

    @Test
    void a_button_value_names_the_case_and_the_case_flagged_and_nothing_else_parses() {
        assertThat(SimilarMessage.Target.parse("12:7")).contains(new SimilarMessage.Target(new CaseId(12), new CaseId(7)));
        assertThat(SimilarMessage.Target.parse("12")).isEmpty();
        assertThat(SimilarMessage.Target.parse("12:7:3")).isEmpty();
        assertThat(SimilarMessage.Target.parse("ESC-12:7")).isEmpty();
        assertThat(SimilarMessage.Target.parse(null)).isEmpty();
    }
}
