package app.escalate.commands.triage;

import app.escalate.commands.Guess;
import app.escalate.commands.Severity;
import app.escalate.commands.Suggestion;
import app.escalate.config.PolicyLoader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The offline classifier on the example policy's keywords. */
class KeywordTriageTest {
    private final KeywordTriage triage = new KeywordTriage(PolicyLoader.builtIn());

    @Test
    void many_matching_words_make_a_confident_type_and_name_the_surface() {
        Suggestion s = triage.suggest("Face swap deepfake of the finance minister: a synthetic video is spreading on shorts");

        assertThat(s.typeId()).contains("deepfake");
        assertThat(s.type().orElseThrow().confidence()).isEqualTo(0.85);
        assertThat(s.severity()).isEqualTo(new Guess<>(Severity.SEV2, 0.55)); // "spreading"
        assertThat(s.surfaces().value()).containsExactly("video");
        assertThat(s.confidence()).isEqualTo(0.55);
        assertThat(s.rationale().value()).isEqualTo(
                "Policy keywords in the case's text: \"deepfake\", \"synthetic video\", \"face swap\", \"spreading\", \"video\", \"shorts\".");
    }

    @Test
    void words_match_whole_and_a_star_matches_a_prefix() {
        Suggestion s = triage.suggest("The assistant hallucinated a refund policy and made up a phone number");

        assertThat(s.typeId()).contains("llm-hallucination"); // "hallucinat*" and "made up"; "ad" is not in "made"
        assertThat(s.type().orElseThrow().confidence()).isEqualTo(0.7);
        assertThat(s.surfaces().value()).containsExactly("assistant");
        assertThat(s.severity().value()).as("the type's usual severity").isEqualTo(Severity.SEV2);
    }

    @Test
    void an_election_word_suggests_sev1() {
        Suggestion s = triage.suggest("Voice clone of a candidate calling voters before the election");
        assertThat(s.severity().value()).isEqualTo(Severity.SEV1);
    }

    @Test
    void a_tie_between_types_is_less_sure_and_no_word_at_all_suggests_no_type() {
        Suggestion tie = triage.suggest("Deepfake ads");
        assertThat(tie.type().orElseThrow().confidence()).isCloseTo(0.35, within(1e-9));

        Suggestion none = triage.suggest("Something odd is going on");
        assertThat(none.type()).isEmpty();
        assertThat(none.severity()).isEqualTo(new Guess<>(Severity.SEV3, 0.3));
        assertThat(none.surfaces().value()).isEqualTo(List.of());
        assertThat(none.confidence()).isZero();
    }
}
