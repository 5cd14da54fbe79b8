package app.escalate.commands.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.LongPredicate;

/**
 * The words and the meaning of every indexed case, ranked together. A case's score is
 * {@code weight × cosine + (1 − weight) × words}, where words is its BM25 score over the best one's
 * for this query (so both lie in [0, 1]); the weight says how much meaning counts.
 */
public final class CaseIndex {
    /** Meaning counts for more than words: paraphrases share few words, but a name or a number typed in should still count. */
    public static final double SEARCH_WEIGHT = 0.7;

    private final WordIndex words = new WordIndex();
    private final VectorIndex vectors;

    public CaseIndex(int dimensions) {
        this.vectors = new VectorIndex(dimensions);
    }

    public void put(long caseNumber, String text, float[] vector) {
        words.put(caseNumber, text);
        vectors.put(caseNumber, vector);
    }

    /** Whether case {@code caseNumber} is indexed. */
    public boolean contains(long caseNumber) {
        return vectors.contains(caseNumber);
    }

    public int size() {
        return vectors.size();
    }

    /** The {@code limit} best cases {@code accept} lets through for {@code query} (text) and its embedding, best first. */
    public List<Ranked> rank(String query, float[] embedding, double weight, LongPredicate accept, int limit) {
        Map<Long, Double> bm25 = weight < 1 ? words.scores(query) : Map.of();
        double best = bm25.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        PriorityQueue<Ranked> top = new PriorityQueue<>(Comparator.comparingDouble(Ranked::score));
        if (weight > 0) {
            vectors.scan(embedding, accept, (id, cosine) -> {
                Double s = bm25.isEmpty() ? null : bm25.get(id);
                double w = s == null ? 0 : s / best;
                double score = weight * cosine + (1 - weight) * w;
                // Most cases are not among the best: no record for them.
                if (top.size() < limit || score > top.peek().score()) offer(top, new Ranked(id, score, cosine, w), limit);
            });
        } else {
            bm25.forEach((id, s) -> {
                if (accept.test(id)) offer(top, new Ranked(id, s / best, 0, s / best), limit);
            });
        }
        List<Ranked> out = new ArrayList<>(top);
        out.sort(Comparator.comparingDouble(Ranked::score).reversed().thenComparingLong(Ranked::caseNumber));
        return out;
    }

    private static void offer(PriorityQueue<Ranked> top, Ranked r, int limit) {
        if (top.size() < limit) top.add(r);
        else if (r.score() > top.peek().score()) {
            top.poll();
            top.add(r);
        }
    }
}
