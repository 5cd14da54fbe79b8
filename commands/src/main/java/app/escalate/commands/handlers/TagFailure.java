package app.escalate.commands.handlers;

import app.escalate.commands.Case;
import app.escalate.commands.CaseAction;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseId;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import app.escalate.commands.access.Permissions;
import app.escalate.commands.AiOverride;
import app.escalate.commands.ledger.AiOverrides;
import app.escalate.commands.summary.Draft;
import app.escalate.commands.summary.DraftStore;
import app.escalate.config.CaseType;
import app.escalate.config.DecisionTree;
import app.escalate.config.FailureMode;
import app.escalate.config.Policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Why a person overrode the AI: a failure mode of the policy's taxonomy tagged on one of the
 * case's overrides (a draft discarded or edited, a triage suggestion changed, dismissed or
 * undone, the decision tree marked wrong at a question). Anyone working the case may tag or re-tag; the latest tag stands, and tagging the same
 * mode again changes nothing.
 */
final class TagFailure {
    private final Policy policy;
    private final Permissions permissions;
    private final DraftStore drafts;
    private final Function<CaseId, List<CaseEvent>> timeline;

    TagFailure(Policy policy, Permissions permissions, DraftStore drafts, Function<CaseId, List<CaseEvent>> timeline) {
        this.policy = policy;
        this.permissions = permissions;
        this.drafts = drafts;
        this.timeline = timeline;
    }

    /** The case's overrides and their tags so far, for {@code /esc tag}. */
    List<AiOverride> overrides(CaseFile file) {
        return AiOverrides.of(file.id(), drafts.ofCase(file.id()), timeline.apply(file.id()));
    }

    /**
     * "The tree was wrong here": the case type's decision tree marked wrong at one of its
     * questions, said in the channel for the tree's owner to see, and its marker asked why.
     */
    Decision flagRunbook(CaseFile file, CaseAction.FlagRunbook action, UserId actor, Instant now) {
        Case c = file.details();
        Optional<DecisionTree> tree = c.caseType().flatMap(policy::caseType).flatMap(CaseType::tree);
        if (tree.isEmpty() || !tree.get().questions().containsKey(action.question())) {
            return Decisions.rejected("That question is not in " + c.id() + "'s decision tree (the runbook may have changed since).");
        }
        if (!permissions.mayWorkOn(actor, file)) {
            return Decisions.rejected("Marking " + c.id() + "'s runbook is for the people working it (its members, owner, the on-call or `"
                    + Permissions.RESPONDERS + "`).");
        }
        boolean already = timeline.apply(c.id()).stream().flatMap(e -> e.as(EventData.RunbookFlagged.class).stream())
                .anyMatch(f -> f.questionId().equals(action.question()));
        if (already) return Decisions.rejected("The tree is marked wrong at that question already; `/esc tag` says why.");
        CaseEvent event = new CaseEvent(c.id(), now, actor, new EventData.RunbookFlagged(c.caseType().orElseThrow(), action.question(),
                tree.get().question(action.question()).ask()));
        List<SlackEffect> effects = new ArrayList<>(List.of(new SlackEffect.Announce(c.id(), event)));
        if (!policy.ai().failureModes().isEmpty()) {
            c.channel().ifPresent(ch -> effects.add(new SlackEffect.OfferTags(c.id(), actor, ch.id(), AiOverride.runbook(action.question()))));
        }
        return new Decision.Applied(file, List.of(event), effects);
    }

    Decision decide(CaseFile file, CaseAction.TagFailure action, UserId actor, Instant now) {
        if (policy.ai().failureModes().isEmpty()) return Decisions.rejected("This team's policy names no AI failure modes to tag with.");
        Optional<FailureMode> mode = policy.ai().failureMode(action.mode());
        if (mode.isEmpty()) {
            return Decisions.rejected("There is no failure mode `" + action.mode() + "`; the modes are "
                    + policy.ai().failureModes().stream().map(FailureMode::id).collect(Collectors.joining(", ")) + ".");
        }
        if (!permissions.mayWorkOn(actor, file)) {
            return Decisions.rejected("Tags on " + file.id() + "'s AI are for the people working it (its members, owner, the on-call or `"
                    + Permissions.RESPONDERS + "`).");
        }
        List<Draft> ofCase = AiOverride.draftId(action.subject()).flatMap(drafts::find).filter(d -> d.caseId().equals(file.id()))
                .map(List::of).orElse(List.of());
        Optional<AiOverride> override = AiOverrides.of(file.id(), ofCase, timeline.apply(file.id())).stream()
                .filter(o -> o.subject().equals(action.subject())).findFirst();
        if (override.isEmpty()) return Decisions.rejected("Nothing on " + file.id() + " overrode the AI as that; `/esc tag` there lists what may be tagged.");
        if (override.get().tag().equals(Optional.of(mode.get().id()))) {
            return Decisions.rejected("That is tagged " + mode.get().label() + " already.");
        }
        AiOverride o = override.get();
        CaseEvent event = new CaseEvent(file.id(), now, actor,
                new EventData.FailureTagged(o.surface(), o.subject(), o.version(), o.rule(), mode.get().id(), mode.get().label()));
        return new Decision.Applied(file, List.of(event), List.of());
    }
}
