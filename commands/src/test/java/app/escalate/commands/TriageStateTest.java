package app.escalate.commands;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TriageStateTest {
    @Test
    void proposed_values_and_what_became_of_them_are_kept_with_the_state() {
        TriageState state = new TriageState(TriageState.Status.APPLIED, Optional.of("deepfake"), Severity.SEV2, Optional.of("video"),
                Optional.empty(), Severity.SEV3, Optional.empty(), Map.of(
                "media_url", new TriageState.Proposed("https://video.example/1", TriageState.Outcome.APPLIED),
                "depicted", new TriageState.Proposed("Public figure", TriageState.Outcome.HELD)));

        assertThat(TriageState.fromMap(state.toMap())).isEqualTo(state);
        assertThat(TriageState.fromMap(Map.of("status", "HELD", "severity", "SEV1", "severity_before", "SEV3")).fields())
                .as("a state kept before fields were proposed").isEmpty();
    }
}
