package app.escalate.storage;

import app.escalate.commands.Case;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.NewCase;
import app.escalate.commands.Opening;
import app.escalate.commands.Severity;
import app.escalate.commands.UserId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class JdbiCaseSearchTest {
    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");
    private static final UserId MARIA = new UserId("U0ESCMARIA");

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void names_the_cases_changed_after_the_mark_and_keeps_their_text_and_vectors(DatabaseKind kind) {
        try (Database db = kind.open()) {
            JdbiCaseStore cases = new JdbiCaseStore(db.jdbi());
            JdbiCaseSearch search = new JdbiCaseSearch(db.jdbi());
            Case first = open(cases, "Deepfake of the mayor");
            Case second = open(cases, "Chatbot invented a refund policy");
            note(cases, first, "Takedown sent");
            note(cases, second, "Model rolled back");
            note(cases, first, "Second upload found");

            assertThat(search.mark()).isZero();
            JdbiCaseSearch.Changed all = search.changedAfter(0, 100);
            assertThat(all.caseNumbers()).containsExactly(1L, 2L);

            JdbiCaseSearch.Changed firstTwo = search.changedAfter(0, 2);
            float[] vector = {0.25f, -1.5f, 3e-7f};
            search.store(List.of(new JdbiCaseSearch.Indexed(1, "Deepfake of the mayor\nTakedown sent", vector)), firstTwo.upTo(), T0);
            search.store(List.of(new JdbiCaseSearch.Indexed(1, "Deepfake of the mayor\nTakedown sent\nSecond upload found", vector)), firstTwo.upTo(), T0);

            assertThat(search.mark()).isEqualTo(firstTwo.upTo());
            assertThat(search.changedAfter(search.mark(), 100).upTo()).isEqualTo(all.upTo());
            assertThat(search.changedAfter(all.upTo(), 100).caseNumbers()).isEmpty();
            List<JdbiCaseSearch.Indexed> stored = new ArrayList<>();
            search.forEach(stored::add);
            assertThat(stored).singleElement().satisfies(row -> {
                assertThat(row.text()).endsWith("Second upload found");
                assertThat(row.vector()).containsExactly(vector);
            });
        }
    }

    private static Case open(JdbiCaseStore cases, String title) {
        return cases.open(new NewCase(title, Severity.SEV2, Optional.empty(), Optional.empty(), Optional.empty(), MARIA, T0, false),
                c -> new Opening(List.of(CaseEvent.opened(c, Optional.empty())), java.util.Set.of(MARIA), List.of(), app.escalate.commands.Paging.NONE, java.util.Map.of()));
    }

    private static void note(JdbiCaseStore cases, Case c, String text) {
        cases.change(c.id(), file -> new Decision.Applied(file, List.of(new CaseEvent(c.id(), T0, MARIA, new EventData.NoteAdded(text))), List.of()));
    }
}
