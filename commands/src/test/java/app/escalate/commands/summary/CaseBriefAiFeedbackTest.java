package app.escalate.commands.summary;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.EventData;
import app.escalate.commands.UserId;
import app.escalate.config.PolicyLoader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Feedback on the AI is about the AI, not the case: a draft is never written from it, nor names whoever gave it. */
class CaseBriefAiFeedbackTest {
    private static final UserId TAGGER = new UserId("U0ESCTAGGER");

    @Test
    void tags_and_runbook_marks_are_left_out_of_what_a_draft_is_written_from() {
        CaseFile file = new CaseFile(DraftCheckTest.deepfake(), List.of(), Set.of(), Set.of(DraftCheckTest.MARIA));
        var id = file.id();
        List<CaseEvent> timeline = List.of(
                new CaseEvent(id, DraftCheckTest.OPENED.plusSeconds(60), DraftCheckTest.MARIA, new EventData.NoteAdded("Host confirmed the clip is synthetic")),
                new CaseEvent(id, DraftCheckTest.OPENED.plusSeconds(120), TAGGER, new EventData.FailureTagged("summary", "draft:1", "exec-summary.v1",
                        Optional.empty(), "invented-fact", "Invented fact")),
                new CaseEvent(id, DraftCheckTest.OPENED.plusSeconds(180), TAGGER, new EventData.RunbookFlagged("deepfake", "harm",
                        "Is a real person depicted?")));

        CaseBrief brief = CaseBrief.of(file, timeline, PolicyLoader.builtIn(), DraftCheckTest.NOW, CaseBrief.TIMELINE_BUDGET);

        assertThat(Prompts.data(brief)).contains("Host confirmed the clip is synthetic")
                .doesNotContain("Invented fact", "Is a real person depicted?", TAGGER.value());
    }
}
