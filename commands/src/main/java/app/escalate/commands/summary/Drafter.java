package app.escalate.commands.summary;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.DraftKind;
import app.escalate.commands.SlackText;
import app.escalate.config.Policy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Writes one checked draft for a case: the model when there is one (the template when there is
 * none, or it fails), then {@link DraftCheck}. Shared by the bot's review flow and the offline eval.
 */
public final class Drafter {
    /** Bounds on what is kept of a model's answer, whatever it sends back. */
    static final int MAX_TEXT = 15_000;
    static final int MAX_FINDINGS = 20;

    private final Policy policy;
    private final Optional<SummaryModel> model;

    public Drafter(Policy policy, Optional<SummaryModel> model) {
        this.policy = policy;
        this.model = model;
    }

    /** A checked draft with what it cost; {@code fallback} says why the template wrote it, when it did. */
    public record Written(String promptVersion, String model, long latencyMillis, int inputTokens, int outputTokens, String text,
                          List<String> findings, Optional<String> fallback, CaseBrief brief) {
        public Written {
            findings = List.copyOf(findings);
        }
    }

    public Written write(DraftKind kind, CaseFile file, List<CaseEvent> oldestFirst, Instant now) {
        CaseBrief brief = CaseBrief.of(file, oldestFirst, policy, now, CaseBrief.TIMELINE_BUDGET);
        Prompt prompt = Prompts.of(kind, brief);
        long started = System.nanoTime();
        String text;
        int in = 0;
        int out = 0;
        Optional<String> fallback = Optional.empty();
        boolean allowed = policy.mayUseModel(file.details().caseType(), file.details().restricted());
        try {
            if (model.isEmpty()) throw new SummaryModel.ModelFailure("no model is configured (LLM_PROVIDER=none)", null);
            if (!allowed) throw new SummaryModel.ModelFailure("restricted", null);
            SummaryModel.ModelReply reply = model.get().draft(prompt);
            if (reply.text() == null || reply.text().isBlank()) throw new SummaryModel.ModelFailure("the model returned nothing", null);
            text = reply.text();
            in = reply.inputTokens();
            out = reply.outputTokens();
        } catch (SummaryModel.ModelFailure e) {
            text = TemplateDrafts.of(kind, brief, policy.severity(file.details().severity().level()).execUpdateEvery(), now);
            fallback = Optional.of(model.isEmpty() ? "Drafted from a template: no model is configured."
                    : !allowed ? "Drafted from a template: this case is restricted, so its text is not sent to the model "
                    + "(its case type would need `ai: allowed` in the policy)."
                    : "Drafted from a template: the model failed (" + e.getMessage() + ").");
        }
        long latency = Duration.ofNanos(System.nanoTime() - started).toMillis();
        DraftCheck.Checked checked = DraftCheck.check(SlackText.clip(text, MAX_TEXT), brief);
        if (checked.text().isBlank()) {
            // Nothing left once the checks removed what could not stand: the template says at least the facts.
            fallback = Optional.of("Drafted from a template: the model's draft had nothing left after the checks.");
            checked = DraftCheck.check(TemplateDrafts.of(kind, brief, policy.severity(file.details().severity().level()).execUpdateEvery(),
                    now), brief);
        }
        List<String> findings = checked.findings().stream().limit(MAX_FINDINGS).map(f -> SlackText.clip(f, 300)).toList();
        return new Written(prompt.version(), fallback.isPresent() ? "template" : model.map(SummaryModel::name).orElse("template"),
                latency, in, out, checked.text(), findings, fallback.map(f -> SlackText.clip(f, 400)), brief);
    }
}
