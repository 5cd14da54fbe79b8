package app.escalate.commands.summary;

/** A language model that drafts from a prompt. Implementations time out and report failures as {@link ModelFailure}. */
public interface SummaryModel {

    /** What the model is, for the records: provider and model name. */
    String name();

    ModelReply draft(Prompt prompt) throws ModelFailure;

    /** The model's text and what it cost. */
    record ModelReply(String text, int inputTokens, int outputTokens) {
    }

    /** The model did not answer usefully in time; the draft falls back to the template. */
    final class ModelFailure extends Exception {
        public ModelFailure(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
