package app.escalate.bot.search;

import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseId;
import app.escalate.commands.CaseStore;
import app.escalate.commands.UserId;
import app.escalate.commands.search.CaseIndex;
import app.escalate.commands.search.Ranked;
import app.escalate.commands.search.SearchQuery;
import app.escalate.commands.search.TimeToMitigate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /esc search}: ranks every indexed case by words and meaning, then keeps, best first, those
 * that pass the filters and that the person may see (a restricted case only by its members), up to
 * {@link #HITS}. Filters and rights are checked on the case as it is now, not as it was indexed.
 */
public final class CaseSearch {
    public static final int HITS = 10;
    /** How far down the ranking to look for hits that pass the filters and rights. */
    static final int CANDIDATES = 300;

    private final SearchIndexer indexer;
    private final CaseStore cases;

    public CaseSearch(SearchIndexer indexer, CaseStore cases) {
        this.indexer = indexer;
        this.cases = cases;
    }

    /** One hit: the case as it is now and how long it took to mitigate, if it was. */
    public record Hit(CaseFile file, Optional<Duration> timeToMitigate, double score) {
    }

    /** Whether {@code text} (after {@code /esc}) asks for a search. */
    public static boolean asks(String text) {
        String t = text.strip();
        return t.equalsIgnoreCase("search") || t.regionMatches(true, 0, "search ", 0, 7);
    }

    public List<Hit> search(SearchQuery query, UserId user) {
        CaseIndex index = indexer.index();
        List<Ranked> ranked = index.rank(query.words(), indexer.embedder().embed(query.words()), CaseIndex.SEARCH_WEIGHT, id -> true, CANDIDATES);
        List<Hit> hits = new ArrayList<>();
        for (Ranked r : ranked) {
            Optional<CaseFile> file = cases.file(new CaseId(r.caseNumber()));
            if (file.isEmpty() || !file.get().visibleTo(user) || !query.admits(file.get())) continue;
            hits.add(new Hit(file.get(), timeToMitigate(file.get()), r.score()));
            if (hits.size() == HITS) break;
        }
        return hits;
    }

    private Optional<Duration> timeToMitigate(CaseFile file) {
        return TimeToMitigate.of(file.details(), cases.timeline(file.id()));
    }
}
