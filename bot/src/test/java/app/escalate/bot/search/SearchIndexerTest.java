package app.escalate.bot.search;

import app.escalate.commands.Case;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.NewCase;
import app.escalate.commands.Opening;
import app.escalate.commands.Paging;
import app.escalate.commands.Severity;
import app.escalate.commands.UserId;
import app.escalate.config.Policy;
import app.escalate.config.PolicyLoader;
import app.escalate.storage.Database;
import app.escalate.storage.JdbiCaseSearch;
import app.escalate.storage.JdbiCaseStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexer fills in cases stored before search existed in bounded batches, goes on after a
 * restart where it stopped, and re-indexes a case whose text changed. Embeddings here are a
 * stand-in (the length of the text), so the test is about what gets indexed when.
 */
class SearchIndexerTest {
    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");
    private static final UserId MARIA = new UserId("U0ESCMARIA");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    @Test
    void backfills_in_batches_resumes_after_a_restart_and_follows_new_notes() throws Exception {
        try (Database db = Database.open("jdbc:h2:mem:indexer_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1")) {
            JdbiCaseStore cases = new JdbiCaseStore(db.jdbi());
            Policy policy = PolicyLoader.builtIn();
            List<String> embedded = new ArrayList<>();
            Embedder embedder = text -> {
                embedded.add(text);
                float[] v = new float[MiniLmEmbedder.DIMENSIONS];
                v[0] = text.length();
                return v;
            };
            int total = 300;
            List<Case> opened = new ArrayList<>();
            for (int i = 1; i <= total; i++) opened.add(open(cases, "Case number " + i));

            SearchIndexer first = new SearchIndexer(new JdbiCaseSearch(db.jdbi()), cases, policy, embedder, CLOCK);
            assertThat(first.indexNext()).isEqualTo(SearchIndexer.BATCH);
            int firstBatch = embedded.size();
            assertThat(firstBatch).isBetween(1, total - 1);

                    // A new process: it loads what was stored, and the walk resumes after the first batch.
            SearchIndexer second = new SearchIndexer(new JdbiCaseSearch(db.jdbi()), cases, policy, embedder, CLOCK);
            second.load();
            assertThat(second.index().size()).isEqualTo(firstBatch);
            int batches = 1;
            while (second.indexNext() > 0) batches++;
            // Each case once, but for one whose events a batch boundary split.
            assertThat(embedded.size()).isBetween(total, total + batches);
            assertThat(second.index().size()).isEqualTo(total);

            Case noted = opened.get(7);
            cases.change(noted.id(), file -> new Decision.Applied(file,
                    List.of(new CaseEvent(noted.id(), T0, MARIA, new EventData.NoteAdded("Takedown request sent to the host"))), List.of()));
            assertThat(second.indexNext()).isEqualTo(1);
            assertThat(embedded).last().isEqualTo("Case number 8\nTakedown request sent to the host");
            assertThat(second.index().rank("takedown host", new float[MiniLmEmbedder.DIMENSIONS], 0, id -> true, 3))
                    .singleElement().satisfies(r -> assertThat(r.caseNumber()).isEqualTo(8L));
        }
    }

    @Test
    void a_process_takes_in_what_another_sharing_its_database_indexed() throws Exception {
        try (Database db = Database.open("jdbc:h2:mem:replicas_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1")) {
            JdbiCaseStore cases = new JdbiCaseStore(db.jdbi());
            Policy policy = PolicyLoader.builtIn();
            Embedder embedder = text -> new float[MiniLmEmbedder.DIMENSIONS];
            SearchIndexer here = new SearchIndexer(new JdbiCaseSearch(db.jdbi()), cases, policy, embedder, CLOCK);
            SearchIndexer there = new SearchIndexer(new JdbiCaseSearch(db.jdbi()), cases, policy, embedder, CLOCK);
            here.load();
            there.load();

            open(cases, "Deepfake of the minister");
            assertThat(there.indexNext()).isPositive();   // the other process read the new events first
            assertThat(here.indexNext()).isZero();
            assertThat(here.index().contains(1)).isFalse();

            here.follow();

            assertThat(here.index().contains(1)).isTrue();
            assertThat(here.index().rank("minister", new float[MiniLmEmbedder.DIMENSIONS], 0, id -> true, 3))
                    .singleElement().satisfies(r -> assertThat(r.caseNumber()).isEqualTo(1L));
        }
    }

    private static Case open(JdbiCaseStore cases, String title) {
        return cases.open(new NewCase(title, Severity.SEV3, Optional.empty(), Optional.empty(), Optional.empty(), MARIA, T0, false),
                c -> new Opening(List.of(CaseEvent.opened(c, Optional.empty())), Set.of(MARIA), List.of(), Paging.NONE, Map.of()));
    }
}
