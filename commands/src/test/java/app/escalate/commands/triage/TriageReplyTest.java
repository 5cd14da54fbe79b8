package app.escalate.commands.triage;

import app.escalate.commands.Guess;
import app.escalate.commands.Severity;
import app.escalate.commands.Suggestion;
import app.escalate.config.Policy;
import app.escalate.config.PolicyLoader;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

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

    @Test
    void proposed_field_values_are_kept_as_their_fields_keep_them_and_junk_is_dropped_alone() {
        String answer = """
                {"type": {"value": "deepfake", "confidence": 0.9}, "severity": {"value": "SEV2", "confidence": 0.8},
                 "fields": {
                   "media_url": {"value": "https://video.example/watch?v=1", "confidence": 0.92},
                   "spread": {"value": "12,000", "confidence": 0.7},
                   "depicted": {"value": "public figure", "confidence": 0.65},
                   "first_seen": {"value": "yesterday evening", "confidence": 0.9},
                   "planet": {"value": "Mars", "confidence": 0.99},
                   "model": {"value": "assistant-large", "confidence": 0.9}}}""";

        Suggestion s = TriageReply.parse(answer, policy).orElseThrow();

        assertThat(s.fields()).as("a bad datetime, a field the type lacks and another type's field are dropped")
                .containsExactly(entry("depicted", new Guess<>("Public figure", 0.65)),
                        entry("media_url", new Guess<>("https://video.example/watch?v=1", 0.92)), entry("spread", new Guess<>("12000", 0.7)));
    }

    @Test
    void a_proposal_without_a_confidence_from_0_to_1_or_with_a_value_of_the_wrong_shape_is_dropped() {
        String answer = """
                {"type": {"value": "deepfake", "confidence": 0.9}, "severity": {"value": "SEV2", "confidence": 0.8},
                 "fields": {
                   "media_url": {"value": "ftp://video.example/1", "confidence": 0.9},
                   "spread": {"value": 5000, "confidence": 1.5},
                   "depicted": {"value": "Unknown"},
                   "first_seen": {"value": {"at": "2026-12-01"}, "confidence": 0.8}}}""";

        assertThat(TriageReply.parse(answer, policy).orElseThrow().fields()).isEmpty();
        assertThat(TriageReply.parse(answer.replace("1.5", "0.75"), policy).orElseThrow().fields())
                .containsExactly(entry("spread", new Guess<>("5000", 0.75)));
        assertThat(TriageReply.parse("{\"severity\":{\"value\":\"SEV3\"},\"fields\":[\"junk\"]}", policy)).as("still an answer")
                .hasValueSatisfying(noType -> assertThat(noType.fields()).isEmpty());
    }

    @Test
    void values_are_read_for_the_type_the_reporter_chose_never_for_a_restricted_field() {
        String answer = """
                {"type": {"value": "deepfake", "confidence": 0.9}, "severity": {"value": "SEV2", "confidence": 0.8},
                 "fields": {"model": {"value": "assistant-large", "confidence": 0.9},
                            "surfaces": {"value": ["Assistant", "search"], "confidence": 0.8},
                            "prompt_excerpt": {"value": "my card number is", "confidence": 0.9},
                            "media_url": {"value": "https://video.example/1", "confidence": 0.9}}}""";

        Suggestion s = TriageReply.parse(answer, policy, Optional.of("llm-hallucination")).orElseThrow();

        assertThat(s.fields()).containsExactly(entry("model", new Guess<>("assistant-large", 0.9)),
                entry("surfaces", new Guess<>("search, assistant", 0.8)));
    }
}
