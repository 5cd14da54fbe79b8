package app.escalate.commands.intake;

import app.escalate.commands.Case;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseId;
import app.escalate.commands.CaseState;
import app.escalate.commands.EventData;
import app.escalate.commands.MachineReporter;
import app.escalate.commands.NewCase;
import app.escalate.commands.Severity;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CallBackTest {
    private static final Instant AT = Instant.parse("2026-11-24T12:00:00Z");
    private static final UserId AMARA = new UserId("U0ESCAMARA");

    private static Case raisedBy(UserId reporter) {
        return new NewCase("Deepfake cluster", Severity.SEV2, Optional.of("deepfake"), Optional.empty(), Optional.empty(), reporter, AT, false)
                .numbered(new CaseId(3));
    }

    private static CaseEvent event(EventData data) {
        return new CaseEvent(new CaseId(3), AT, AMARA, data);
    }

    @Test
    void a_machines_case_tells_its_source_of_acknowledgement_mitigation_and_resolution_only() {
        List<SlackEffect> calls = SlackEffect.CallBack.of(raisedBy(MachineReporter.ID), List.of(
                event(new EventData.Acknowledged(Optional.empty())),
                event(new EventData.StateChanged(CaseState.TRIAGE, CaseState.INVESTIGATING)),
                event(new EventData.StateChanged(CaseState.INVESTIGATING, CaseState.MITIGATED)),
                event(new EventData.NoteAdded("looking")),
                event(new EventData.Resolved(CaseState.MITIGATED, "Removed", Optional.empty()))));

        assertThat(calls).containsExactly(
                new SlackEffect.CallBack(new CaseId(3), "acknowledged", AT, Optional.empty()),
                new SlackEffect.CallBack(new CaseId(3), "mitigated", AT, Optional.empty()),
                new SlackEffect.CallBack(new CaseId(3), "resolved", AT, Optional.of("Removed")));
    }

    @Test
    void a_persons_case_calls_nobody_back() {
        assertThat(SlackEffect.CallBack.of(raisedBy(AMARA), List.of(event(new EventData.Acknowledged(Optional.empty()))))).isEmpty();
    }
}
