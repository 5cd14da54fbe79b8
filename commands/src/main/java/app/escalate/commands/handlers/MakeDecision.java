package app.escalate.commands.handlers;

import app.escalate.commands.CaseAction;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import app.escalate.commands.access.Permissions;
import app.escalate.commands.CaseDecision;
import app.escalate.config.Policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /esc decide …}: a decision on record, and the sign-off it needs. Deciding steers the case,
 * so it is for those who may steer it. The named groups' members are brought onto the case (as
 * {@code loop} would) so they can see it and answer; a request with Approve and Object… follows in
 * its channel. {@code /esc decide override <n> because <reason>} is its decider's alone.
 */
final class MakeDecision implements CaseChange<CaseAction.Decide> {
    private final Policy policy;
    private final Permissions permissions;

    MakeDecision(Policy policy, Permissions permissions) {
        this.policy = policy;
        this.permissions = permissions;
    }

    @Override
    public Decision decide(CaseFile file, CaseAction.Decide action, UserId actor, Instant now) {
        var c = file.details();
        if (!c.isOpen()) return Decisions.reopenFirst(c);
        if (!permissions.maySteer(actor, c)) return Decisions.rejected(Permissions.onlySteerers("take a decision on " + c.id()));
        for (String group : action.needs()) {
            if (!policy.groups().containsKey(group) || group.equals(Permissions.RESPONDERS)) {
                return Decisions.rejected("There is no stakeholder group `" + group + "` to sign off. Groups: " + stakeholderGroups() + ".");
            }
            if (policy.group(group).isEmpty()) return Decisions.rejected("`" + group + "` has nobody in it to sign off.");
        }
        int number = file.decisions().stream().mapToInt(CaseDecision::number).max().orElse(0) + 1;
        CaseDecision taken = CaseDecision.taken(number, action.text(), action.rationale(), action.alternatives(), actor, now, action.needs());
        CaseEvent event = new CaseEvent(c.id(), now, actor, new EventData.DecisionTaken(number, action.text(), action.rationale(),
                action.alternatives(), action.needs()));
        Set<UserId> signers = new LinkedHashSet<>();
        action.needs().forEach(g -> policy.group(g).forEach(u -> signers.add(new UserId(u))));
        CaseFile after = file.withDecision(taken);
        for (UserId signer : signers) after = after.withMember(signer);
        List<SlackEffect> effects = new ArrayList<>();
        if (!signers.isEmpty()) effects.add(new SlackEffect.InviteToChannel(c.id(), List.copyOf(signers)));
        effects.addAll(SlackEffect.forChange(c.id(), List.of(event)));
        if (!action.needs().isEmpty()) effects.add(new SlackEffect.RequestSignOff(c.id(), number));
        return new Decision.Applied(after, List.of(event), effects);
    }

    /** Lets a rejected decision stand: only whoever took it, and only with a reason. */
    Decision override(CaseFile file, CaseAction.OverrideDecision action, UserId actor, Instant now) {
        var c = file.details();
        var found = file.decision(action.number());
        if (found.isEmpty()) return Decisions.rejected(c.id() + " has no decision #" + action.number() + " (`/esc decisions` lists them).");
        CaseDecision d = found.get();
        if (!c.isOpen()) return Decisions.reopenFirst(c);
        if (!d.decider().equals(actor)) return Decisions.rejected("Only whoever took decision #" + d.number() + " can override an objection to it.");
        if (d.status() != CaseDecision.Status.REJECTED) {
            return Decisions.rejected("Decision #" + d.number() + " " + d.status().sentence() + "; only one rejected by an objection can be overridden.");
        }
        CaseEvent event = new CaseEvent(c.id(), now, actor, new EventData.DecisionOverridden(d.number(), d.text(), action.reason()));
        return Decisions.applied(file.withDecision(d.overruledBecause(action.reason(), now)), event);
    }

    private String stakeholderGroups() {
        return policy.groups().keySet().stream().filter(g -> !g.equals(Permissions.RESPONDERS)).sorted().map(g -> "`" + g + "`")
                .collect(Collectors.joining(", "));
    }
}
