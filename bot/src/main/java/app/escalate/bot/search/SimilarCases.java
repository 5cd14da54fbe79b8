package app.escalate.bot.search;

import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseId;
import app.escalate.commands.CaseStore;
import app.escalate.commands.search.CaseIndex;
import app.escalate.commands.search.Ranked;
import app.escalate.commands.search.SearchableText;
import app.escalate.config.Policy;
import app.escalate.config.Similar;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cases most like one just opened, for its channel: up to {@link #SHOWN} earlier cases at
 * least {@code similar.suggest_threshold} alike in meaning, best first; and the best of them that is
 * still open and at least {@code similar.duplicate_threshold} alike, flagged as its likely duplicate.
 * Left out: restricted cases (their existence is for their people; search shows them to members),
 * duplicates already merged (their case is the one to show), and cases opened later than this one (so
 * two reports never flag each other).
 */
public final class SimilarCases {
    public static final int SHOWN = 3;

    private final SearchIndexer indexer;
    private final CaseStore cases;
    private final Policy policy;

    public SimilarCases(SearchIndexer indexer, CaseStore cases, Policy policy) {
        this.indexer = indexer;
        this.cases = cases;
        this.policy = policy;
    }

    /** What was found for a case: the similar ones, best first, and the one flagged as its duplicate. */
    public record Found(List<CaseId> similar, Optional<CaseId> duplicateOf) {
    }

    /**
     * Whether the index has taken the case in: it indexes in the timeline's order, so every case opened
     * before it is in as well. Until then (a restart still loading, a backfill) the suggestion waits.
     */
    public boolean ready(CaseId id) {
        return indexer.index().contains(id.number());
    }

    public Found find(CaseFile file) {
        String text = SearchableText.of(file, cases.timeline(file.id()), policy);
        long self = file.id().number();
        List<Ranked> ranked = indexer.index().rank(text, indexer.embedder().embed(text), CaseIndex.SEARCH_WEIGHT, n -> n < self, CaseSearch.CANDIDATES);
        Similar thresholds = policy.similar();
        List<CaseId> similar = new ArrayList<>();
        Optional<CaseId> duplicateOf = Optional.empty();
        for (Ranked r : ranked) {
            if (r.meaning() < thresholds.suggestThreshold()) continue;
            Optional<CaseFile> other = cases.file(new CaseId(r.caseNumber()));
            if (other.isEmpty() || other.get().details().restricted() || merged(other.get())) continue;
            similar.add(other.get().id());
            if (duplicateOf.isEmpty() && other.get().details().isOpen() && r.meaning() >= thresholds.duplicateThreshold()) {
                duplicateOf = Optional.of(other.get().id());
            }
            if (similar.size() == SHOWN) break;
        }
        return new Found(similar, duplicateOf);
    }

    private static boolean merged(CaseFile file) {
        return file.details().resolution().filter(r -> r.merged()).isPresent();
    }
}
