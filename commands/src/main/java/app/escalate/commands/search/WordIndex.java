package app.escalate.commands.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Okapi BM25 over each case's searchable text, kept current case by case. Small and in memory: a
 * posting list per word (case number to count) and each case's length in words.
 */
public final class WordIndex {
    private static final double K1 = 1.2;
    private static final double B = 0.75;

    private final Map<String, Map<Long, Integer>> postings = new HashMap<>();
    private final Map<Long, Map<String, Integer>> counts = new HashMap<>();
    private final Map<Long, Integer> lengths = new HashMap<>();
    private long totalLength;

    /** Indexes (or re-indexes) case {@code id} with {@code text}. */
    public synchronized void put(long id, String text) {
        remove(id);
        Map<String, Integer> tf = new HashMap<>();
        List<String> words = SearchText.words(text);
        for (String w : words) tf.merge(w, 1, Integer::sum);
        counts.put(id, tf);
        lengths.put(id, words.size());
        totalLength += words.size();
        tf.forEach((w, n) -> postings.computeIfAbsent(w, k -> new HashMap<>()).put(id, n));
    }

    public synchronized void remove(long id) {
        Map<String, Integer> old = counts.remove(id);
        if (old == null) return;
        lengths.remove(id);
        old.forEach((w, n) -> {
            Map<Long, Integer> p = postings.get(w);
            p.remove(id);
            if (p.isEmpty()) postings.remove(w);
            totalLength -= n;
        });
    }

    public synchronized int size() {
        return counts.size();
    }

    /** The BM25 score of every case that has at least one of the query's words. */
    public synchronized Map<Long, Double> scores(String query) {
        Map<Long, Double> scores = new HashMap<>();
        int n = counts.size();
        if (n == 0) return scores;
        double avgLength = Math.max(1.0, (double) totalLength / n);
        for (String w : new java.util.LinkedHashSet<>(SearchText.words(query))) {
            Map<Long, Integer> p = postings.get(w);
            if (p == null) continue;
            double idf = Math.log(1 + (n - p.size() + 0.5) / (p.size() + 0.5));
            p.forEach((id, tf) -> {
                int length = lengths.get(id);
                double score = idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / avgLength));
                scores.merge(id, score, Double::sum);
            });
        }
        return scores;
    }
}
