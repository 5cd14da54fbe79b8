package app.escalate.commands.triage;

import app.escalate.commands.Guess;
import app.escalate.commands.Severity;
import app.escalate.commands.Suggestion;
import app.escalate.config.Policy;
import app.escalate.config.PolicyLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TriageReplyTest {
    private final Policy policy = PolicyLoader.builtIn();

    @Test
    void a_fenced_json_answer_is_read_and_kept_to_what_the_policy_knows() {
        String answer = """
                Here you go:
                ```json
                {"type": {"value": "deepfake", "confidence": 0.91},
                 "severity": {"value": "sev1", "confidence": 1.4},
                 "surfaces": {"value": ["video", "Search", "billboards"], "confidence": 0.7},
                 "rationale": {"value": "Synthetic   video of a\\ncandidate.", "confidence": 0.8}}
                ```""";

        Suggestion s = TriageReply.parse(answer, policy).orElseThrow();

        assertThat(s.type()).contains(new Guess<>("deepfake", 0.91));
        assertThat(s.severity()).isEqualTo(new Guess<>(Severity.SEV1, 1.0));
        assertThat(s.surfaces().value()).containsExactly("video", "search");
        assertThat(s.rationale().value()).isEqualTo("Synthetic video of a candidate.");
    }

    @Test
    void an_unknown_type_is_no_type_and_an_answer_without_a_severity_is_no_answer() {
        Suggestion s = TriageReply.parse("{\"type\":{\"value\":\"aliens\",\"confidence\":0.9},\"severity\":{\"value\":\"SEV3\"}}", policy)
                .orElseThrow();
        assertThat(s.type()).isEmpty();
        assertThat(s.severity()).isEqualTo(new Guess<>(Severity.SEV3, 0));

        assertThat(TriageReply.parse("{\"type\":{\"value\":\"deepfake\",\"confidence\":0.9}}", policy)).isEmpty();
        assertThat(TriageReply.parse("I think it is a deepfake, SEV2.", policy)).isEmpty();
        assertThat(TriageReply.parse("{not json}", policy)).isEmpty();
    }
}
