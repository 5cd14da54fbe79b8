package app.escalate.bot.slack;

import app.escalate.bot.outbox.DeliveryAttempt;
import app.escalate.bot.render.FailureTagMessage;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.AiOverride;
import app.escalate.commands.ledger.AiOverrides;
import app.escalate.commands.summary.DraftStore;
import app.escalate.config.Policy;
import app.escalate.storage.JdbiCaseStore;

import java.util.Optional;

/**
 * Asks whoever overrode the AI why, as a message only they see where they did it. Read when it
 * is sent: an override tagged by then (from {@code /esc tag}) shows its tag.
 */
final class TagOfferDelivery {
    private final SlackCalls calls;
    private final DraftStore drafts;
    private final JdbiCaseStore cases;
    private final Policy policy;

    TagOfferDelivery(SlackCalls calls, DraftStore drafts, JdbiCaseStore cases, Policy policy) {
        this.calls = calls;
        this.drafts = drafts;
        this.cases = cases;
        this.policy = policy;
    }

    DeliveryAttempt offer(SlackEffect.OfferTags e) {
        Optional<AiOverride> override = AiOverrides.of(e.caseId(), drafts.ofCase(e.caseId()), cases.timeline(e.caseId())).stream()
                .filter(o -> o.subject().equals(e.target())).findFirst();
        // Gone since (a triage verdict taken back by a later one): nothing to ask about.
        if (override.isEmpty() || policy.ai().failureModes().isEmpty()) return DeliveryAttempt.sent();
        calls.postEphemeral(e.channel().value(), e.user().value(), FailureTagMessage.offer(e.caseId(), override.get(), policy.ai().failureModes()));
        return DeliveryAttempt.sent();
    }
}
