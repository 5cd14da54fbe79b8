package app.escalate.bench;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseId;
import app.escalate.commands.EventData;
import app.escalate.storage.Database;
import app.escalate.storage.JdbiCaseStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineBenchTest {
    @Test
    void theGeneratedEventsAreNotesTheBotCanReadSpreadOverEveryCase(@TempDir Path dir) {
        TimelineBench.fill(dir.resolve("db"), 3_000);
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("db"))) {
            JdbiCaseStore store = new JdbiCaseStore(db.jdbi());
            assertThat(store.openCases()).hasSize(TimelineBench.CASES);
            // Each case has its "opened" event and three notes.
            assertThat(store.timeline(new CaseId(1))).filteredOn(e -> e.kind() == CaseEvent.Kind.NOTE_ADDED).hasSize(3)
                    .allSatisfy(e -> assertThat(e.as(EventData.NoteAdded.class).orElseThrow().text()).startsWith("Benchmark note "));
            assertThat(store.timeline(new CaseId(TimelineBench.CASES))).filteredOn(e -> e.kind() == CaseEvent.Kind.NOTE_ADDED).hasSize(3);
        }
    }
}
