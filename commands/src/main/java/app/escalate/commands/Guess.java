package app.escalate.commands;

/** One suggested value and how sure its suggester is of it, from 0 to 1. */
public record Guess<T>(T value, double confidence) {
    public Guess {
        if (value == null) throw new IllegalArgumentException("a guess needs a value");
        if (Double.isNaN(confidence)) confidence = 0;
        confidence = Math.max(0, Math.min(1, confidence));
    }
}
