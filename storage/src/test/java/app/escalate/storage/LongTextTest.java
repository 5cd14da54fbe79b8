package app.escalate.storage;

import app.escalate.commands.Case;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseState;
import app.escalate.commands.CommandParser;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.NewCase;
import app.escalate.commands.Opening;
import app.escalate.commands.Resolution;
import app.escalate.commands.Severity;
import app.escalate.commands.Task;
import app.escalate.commands.UserId;
import app.escalate.commands.handoff.HandoffNote;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text as long as people may write it, counted as they count it (an emoji is one character): a
 * database that counted UTF-16 units would refuse a 3,000-character note of emoji.
 */
class LongTextTest {
    private static final Instant T0 = Instant.parse("2026-11-28T03:00:00Z");
    private static final UserId MARIA = new UserId("U0ESCMARIA");

    private static String emoji(int n) {
        return "\uD83D\uDD25".repeat(n);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void the_longest_title_surface_resolution_task_and_note_are_kept_whole_in_emoji(DatabaseKind kind) {
        try (Database db = kind.open()) {
            JdbiCaseStore store = new JdbiCaseStore(db.jdbi());
            String title = emoji(CommandParser.MAX_TITLE_LENGTH);
            String surface = emoji(CommandParser.MAX_SURFACE_LENGTH);
            String longest = emoji(CommandParser.MAX_NOTE_LENGTH);
            Case opened = store.open(new NewCase(title, Severity.SEV2, Optional.empty(), Optional.of(surface), Optional.of(longest), MARIA, T0, false),
                    c -> Opening.of(List.of()));

            store.change(opened.id(), f -> new Decision.Applied(f.with(f.details().resolvedWith(new Resolution(longest, Optional.empty(), MARIA, T0)))
                    .withTasks(List.of(new Task(1, longest, Optional.empty(), MARIA, T0, Optional.empty(), Optional.empty()))),
                    List.of(new CaseEvent(opened.id(), T0, MARIA, new EventData.Resolved(CaseState.TRIAGE, longest, Optional.empty()))), List.of()));
            new JdbiHandoffStore(db.jdbi()).addNote(new HandoffNote(Optional.empty(), MARIA, longest, T0));

            CaseFile file = store.file(opened.id()).orElseThrow();
            assertThat(file.details().title()).isEqualTo(title);
            assertThat(file.details().surface()).contains(surface);
            assertThat(file.details().resolution()).get().extracting(Resolution::text).isEqualTo(longest);
            assertThat(file.tasks()).singleElement().extracting(Task::text).isEqualTo(longest);
            assertThat(new JdbiHandoffStore(db.jdbi()).notes("escalations", T0, T0.plusSeconds(1))).singleElement()
                    .extracting(HandoffNote::text).isEqualTo(longest);
        }
    }
}
