package app.escalate.commands.handlers;

import app.escalate.commands.CaseAction;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import app.escalate.commands.CaseDecision;
import app.escalate.commands.SignOff;
import app.escalate.commands.decisions.Signers;
import app.escalate.config.Policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A sign-off request's Approve or Object…: the clicker answers for each group the decision still
 * waits on that the policy lists them in. Anyone else, a decision already settled, or a group that
 * has answered (a second click) is refused and nothing changes.
 */
final class SignOffDecision implements CaseChange<CaseAction.SignOffDecision> {
    private final Policy policy;

    SignOffDecision(Policy policy) {
        this.policy = policy;
    }

    @Override
    public Decision decide(CaseFile file, CaseAction.SignOffDecision action, UserId actor, Instant now) {
        Optional<String> refused = Signers.refusal(file, action.number(), actor, policy);
        if (refused.isPresent()) return Decisions.rejected(refused.get());
        if (action.verdict() == SignOff.Verdict.OBJECTED && action.reason().map(String::isBlank).orElse(true)) {
            return Decisions.rejected("An objection says why.");
        }
        CaseDecision d = file.decision(action.number()).orElseThrow();
        List<String> answering = Signers.answering(d, actor, policy);
        CaseDecision after = d.signed(answering.stream().map(g -> new SignOff(g, actor, action.verdict(), action.reason(), now)).toList());
        CaseEvent event = new CaseEvent(file.id(), now, actor, new EventData.DecisionSigned(d.number(), d.text(), answering, action.verdict(),
                action.reason(), after.status()));
        List<SlackEffect> effects = new ArrayList<>(SlackEffect.forChange(file.id(), List.of(event)));
        action.messageTs().ifPresent(ts -> effects.add(new SlackEffect.UpdateSignOff(file.id(), d.number(), ts)));
        return new Decision.Applied(file.withDecision(after), List.of(event), effects);
    }
}
