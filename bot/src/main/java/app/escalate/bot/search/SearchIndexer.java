package app.escalate.bot.search;

import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseId;
import app.escalate.commands.CaseStore;
import app.escalate.commands.search.CaseIndex;
import app.escalate.commands.search.SearchableText;
import app.escalate.config.Policy;
import app.escalate.storage.JdbiCaseSearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the search index current. At start it loads every stored embedding into memory; then it
 * reads the timeline after the stored mark, {@link #BATCH} events at a time, and re-indexes the cases
 * they name (a case opened, a note, a field, a decision, a resolution all add an event). The same walk
 * indexes, in bounded batches, every case from before search existed. The mark moves with each batch's
 * rows, so a restart goes on where it stopped.
 */
public final class SearchIndexer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
    static final int BATCH = 200;
    private static final Duration POLL = Duration.ofMillis(500);

    private final JdbiCaseSearch store;
    private final CaseStore cases;
    private final Policy policy;
    private final Embedder embedder;
    private final Clock clock;
    private final CaseIndex index = new CaseIndex(MiniLmEmbedder.DIMENSIONS);
    private volatile Thread thread;
    private volatile boolean stopping;
    private final Object stop = new Object();
    /** The latest time of a stored row this index has taken in. */
    private Instant seen = Instant.EPOCH;
    private static final Duration COMMIT_MARGIN = Duration.ofSeconds(5);

    public SearchIndexer(JdbiCaseSearch store, CaseStore cases, Policy policy, Embedder embedder, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.policy = policy;
        this.embedder = embedder;
        this.clock = clock;
    }

    /** The in-memory index: every indexed case, as of the last batch. */
    public CaseIndex index() {
        return index;
    }

    public Embedder embedder() {
        return embedder;
    }

    /** Loads the stored embeddings into memory; the indexer's own thread does it, so start-up does not wait. */
    public void load() {
        store.forEach(row -> index.put(row.caseNumber(), row.text(), row.vector())).ifPresent(at -> seen = at);
    }

    /**
     * Takes in the rows another process sharing the database indexed since the last look (with
     * several replicas, whichever reads a batch of events first indexes it). The look goes back a
     * few seconds, for a row written with an earlier time may be committed after a later one.
     */
    public void follow() {
        store.forEachSince(seen.minus(COMMIT_MARGIN), row -> index.put(row.caseNumber(), row.text(), row.vector()))
                .filter(at -> at.isAfter(seen)).ifPresent(at -> seen = at);
    }

    /** Indexes the cases the next batch of events names; the number of events read (0: up to date). */
    public int indexNext() {
        long mark = store.mark();
        JdbiCaseSearch.Changed changed = store.changedAfter(mark, BATCH);
        if (changed.upTo() == mark) return 0;
        List<JdbiCaseSearch.Indexed> rows = new ArrayList<>();
        for (long number : changed.caseNumbers()) {
            Optional<CaseFile> file = cases.file(new CaseId(number));
            if (file.isEmpty()) continue;
            String text = SearchableText.of(file.get(), cases.timeline(file.get().id()), policy);
            rows.add(new JdbiCaseSearch.Indexed(number, text, embedder.embed(text)));
        }
        store.store(rows, changed.upTo(), clock.instant());
        rows.forEach(r -> index.put(r.caseNumber(), r.text(), r.vector()));
        return (int) Math.min(Integer.MAX_VALUE, changed.upTo() - mark);
    }

    public void start() {
        Thread t = new Thread(this::run, "search-indexer");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void run() {
        boolean loaded = false;
        while (!stopping) {
            try {
                if (!loaded) {
                    load();
                    loaded = true;
                }
                // A full batch means more is waiting (a backfill): go on at once; otherwise wait for new events.
                if (indexNext() < BATCH) {
                    follow();
                    pause(POLL);
                }
            } catch (RuntimeException e) {
                if (stopping) return;
                log.warn("search indexing failed, trying again shortly: {}", e.toString());
                pause(POLL.multipliedBy(4));
            }
        }
    }

    /** Waits {@code d}, or until told to stop. */
    private void pause(Duration d) {
        synchronized (stop) {
            if (stopping) return;
            try {
                stop.wait(d.toMillis());
            } catch (InterruptedException e) {
                stopping = true;
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Stops the indexer between two batches, without interrupting it: an interrupt during the
     * embedded database's file I/O closes its file under it, and the database is then not shut down
     * cleanly (H2 then skips the numbers its sequences had cached: the next case would be ESC-33).
     */
    @Override
    public void close() throws InterruptedException {
        Thread t = thread;
        if (t == null) return;
        synchronized (stop) {
            stopping = true;
            stop.notifyAll();
        }
        t.join(5000);
    }
}
