package app.escalate.commands.decisions;

import app.escalate.commands.CaseAction;
import app.escalate.commands.CaseId;
import app.escalate.commands.CommandParser;
import app.escalate.commands.EscCommand;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@code /esc decide} and {@code /esc decisions} read. */
class DecideGrammarTest {

    private static CaseAction action(String text) {
        EscCommand parsed = CommandParser.parse(text);
        assertThat(parsed).isInstanceOf(EscCommand.OnCase.class);
        return ((EscCommand.OnCase) parsed).action();
    }

    private static String problem(String text) {
        EscCommand parsed = CommandParser.parse(text);
        assertThat(parsed).isInstanceOf(EscCommand.Invalid.class);
        return ((EscCommand.Invalid) parsed).problem();
    }

    @Test
    void reads_the_decision_its_rationale_alternatives_and_the_groups_to_sign_off() {
        assertThat(action("decide Take the clip down in the EU because the host confirmed it instead of geo-blocking"
                + " instead of waiting for a court order needs: Legal, policy"))
                .isEqualTo(new CaseAction.Decide("Take the clip down in the EU", "the host confirmed it",
                        List.of("geo-blocking", "waiting for a court order"), List.of("legal", "policy")));
        assertThat(action("decide Pause the agent instead of rolling back Because it keeps booking flights because users ask [needs: eng]"))
                .isEqualTo(new CaseAction.Decide("Pause the agent", "it keeps booking flights because users ask", List.of("rolling back"),
                        List.of("eng")));
        assertThat(action("decide Say nothing yet because facts are unclear"))
                .isEqualTo(new CaseAction.Decide("Say nothing yet", "facts are unclear", List.of(), List.of()));
        assertThat(CommandParser.parse("decide ESC-4 Say nothing yet because facts are unclear needs: [legal]")).isEqualTo(new EscCommand.OnCase(
                Optional.of(new CaseId(4)), new CaseAction.Decide("Say nothing yet", "facts are unclear", List.of(), List.of("legal"))));
    }

    @Test
    void needs_only_counts_at_the_end_as_a_word_of_its_own_and_names_at_most_five_groups() {
        assertThat(action("decide Meet the host's needs: a call today because they asked."))
                .isEqualTo(new CaseAction.Decide("Meet the host's needs: a call today", "they asked.", List.of(), List.of()));
        assertThat(action("decide Ship it because Bneeds:legal"))
                .isEqualTo(new CaseAction.Decide("Ship it", "Bneeds:legal", List.of(), List.of()));
        assertThat(problem("decide Ship it because tested needs: a, b, c, d, e, f")).isEqualTo("A decision waits on at most 5 groups.");
    }

    @Test
    void reads_the_override_and_the_list() {
        assertThat(action("decide override #3 because the press deadline is in an hour"))
                .isEqualTo(new CaseAction.OverrideDecision(3, "the press deadline is in an hour"));
        assertThat(action("decisions")).isEqualTo(new CaseAction.ListDecisions());
    }

    @Test
    void refuses_a_decision_without_a_rationale_or_an_override_without_a_reason() {
        assertThat(problem("decide Take it down")).startsWith("`decide` is `/esc decide <decision> because <rationale>");
        assertThat(problem("decide because reasons")).startsWith("`decide` is");
        assertThat(problem("decide Take it down because")).startsWith("`decide` is");
        assertThat(problem("decide Take it down because x needs:")).isEqualTo("`needs:` names the groups to sign off, e.g. `needs: legal, policy`.");
        assertThat(problem("decide override 2")).isEqualTo("An override says why: `/esc decide override 2 because <reason>`.");
        assertThat(problem("decisions all")).isEqualTo("`decisions` takes no text after it.");
    }
}
