package app.escalate.config;

/**
 * How a new case is compared with the others ({@code similar}): a case is suggested when its meaning
 * is at least {@code suggestThreshold} alike (cosine of the two cases' embeddings), and an open one
 * at least {@code duplicateThreshold} alike is flagged as a likely duplicate. On the labelled
 * paraphrase fixture, 0.65 flags about half the true look-alikes and almost nothing else.
 */
public record Similar(Double suggestThreshold, Double duplicateThreshold) {
    private static final double DEFAULT_SUGGEST = 0.4;
    private static final double DEFAULT_DUPLICATE = 0.65;
    public static final Similar DEFAULT = new Similar(DEFAULT_SUGGEST, DEFAULT_DUPLICATE);

    public Similar {
        if (suggestThreshold == null) suggestThreshold = DEFAULT_SUGGEST;
        if (duplicateThreshold == null) duplicateThreshold = DEFAULT_DUPLICATE;
        check("suggest_threshold", suggestThreshold);
        check("duplicate_threshold", duplicateThreshold);
        if (duplicateThreshold < suggestThreshold) {
            throw new IllegalArgumentException("duplicate_threshold: must be at least suggest_threshold (" + suggestThreshold + ")");
        }
    }

    private static void check(String key, double value) {
        if (!(value > 0 && value <= 1)) throw new IllegalArgumentException(key + ": a similarity above 0 and at most 1, got " + value);
    }
}
