package app.escalate.commands.triage;

import app.escalate.commands.SuggestedTriage;
import app.escalate.commands.Suggestion;
import app.escalate.commands.summary.SummaryModel;
import app.escalate.config.Policy;

import java.util.Optional;

/**
 * Makes the suggestion for a new case: from the model when one is configured and its answer can
 * be read, otherwise from the policy's keywords, so triage works offline and when the model is
 * down. A fallback says why, for the records.
 */
public final class Triager {

    private final Policy policy;
    private final Optional<TriageModel> model;
    private final KeywordTriage keywords;

    public Triager(Policy policy, Optional<TriageModel> model) {
        this.policy = policy;
        this.model = model;
        this.keywords = new KeywordTriage(policy);
        policy.triage().shadowPromptVersion().filter(v -> !TriagePrompt.ships(v)).ifPresent(v -> {
            throw new IllegalArgumentException("triage.shadow_prompt: no prompt " + v + " ships with this version of the bot");
        });
    }

    /**
     * The answer of the prompt version on trial ({@code triage.shadow_prompt}) for the same case, asked
     * of the same model after the {@code live} suggestion: empty without one, without a model, for a
     * case whose text may not go to it, when the live call failed, or when the model fails or answers
     * what cannot be read (the live suggestion stands alone).
     */
    public Optional<SuggestedTriage> shadow(SuggestedTriage live, String title, Optional<String> description, Optional<String> surface,
                                            Optional<String> caseType, boolean modelAllowed) {
        Optional<String> version = policy.triage().shadowPromptVersion().filter(v -> !v.equals(TriagePrompt.VERSION));
        // A live call that failed (the model down, slow or unreadable) is not followed by a second wait for the trial.
        if (version.isEmpty() || model.isEmpty() || !modelAllowed || live.fellBack().isPresent()) return Optional.empty();
        TriagePrompt.Asked asked = TriagePrompt.of(version.get(), policy, title, description, surface, caseType);
        try {
            return TriageReply.parse(model.get().answer(asked.system(), asked.user()), policy, caseType)
                    .map(s -> new SuggestedTriage(s, model.get().name(), asked.version(), Optional.empty()));
        } catch (SummaryModel.ModelFailure e) {
            return Optional.empty();
        }
    }

    /** Whether a model is configured (restricted cases still go to the keywords). */
    public boolean asksModel() {
        return model.isPresent();
    }

    /** Whether the policy asks for triage at all (it has a {@code triage} section). */
    public boolean enabled() {
        return policy.triage().configured();
    }

    /**
     * {@code modelAllowed}: whether the case's text may go to the model ({@link Policy#mayUseModel}); a
     * restricted case's is not unless its type says so, and the keywords triage it. {@code caseType}: the type the reporter
     * chose, if any, whose fields the model is asked to fill.
     */
    public SuggestedTriage suggest(String title, Optional<String> description, Optional<String> surface, Optional<String> caseType,
                                   boolean modelAllowed) {
        String text = String.join("\n", title, description.orElse(""), surface.orElse(""));
        if (model.isEmpty() || !modelAllowed) {
            return new SuggestedTriage(keywords.suggest(text), KeywordTriage.SOURCE, KeywordTriage.SOURCE,
                    model.isPresent() ? Optional.of("a restricted case is not sent to the model") : Optional.empty());
        }
        TriagePrompt.Asked asked = TriagePrompt.of(policy, title, description, surface, caseType);
        String fellBack;
        try {
            Optional<Suggestion> read = TriageReply.parse(model.get().answer(asked.system(), asked.user()), policy, caseType);
            if (read.isPresent()) return new SuggestedTriage(read.get(), model.get().name(), asked.version(), Optional.empty());
            fellBack = "the model's answer was not the JSON asked for";
        } catch (SummaryModel.ModelFailure e) {
            fellBack = e.getMessage();
        }
        return new SuggestedTriage(keywords.suggest(text), KeywordTriage.SOURCE, KeywordTriage.SOURCE, Optional.of(fellBack));
    }
}
