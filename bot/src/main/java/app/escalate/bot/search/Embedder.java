package app.escalate.bot.search;

/** Turns text into a sentence embedding. */
@FunctionalInterface
public interface Embedder {
    float[] embed(String text);
}
