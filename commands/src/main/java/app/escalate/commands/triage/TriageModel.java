package app.escalate.commands.triage;

import app.escalate.commands.summary.SummaryModel;

/** A language model asked for a triage suggestion; it times out and reports failures as {@link SummaryModel.ModelFailure}. */
public interface TriageModel {
    /** Provider and model name, for the records. */
    String name();

    String answer(String system, String user) throws SummaryModel.ModelFailure;
}
