package app.escalate.commands.handlers;

import app.escalate.commands.Case;
import app.escalate.commands.CaseAction;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.Severity;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.SuggestedTriage;
import app.escalate.commands.Suggestion;
import app.escalate.commands.TriageState;
import app.escalate.commands.TriageVerdict;
import app.escalate.commands.UserId;
import app.escalate.commands.access.Permissions;
import app.escalate.commands.triage.TriageRouting;
import app.escalate.config.CaseType;
import app.escalate.config.Policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * AI triage on a case: the suggestion made after it opened, and a person's verdict on it. The
 * routing rules decide whether a suggestion is applied at once, with two limits of our own: triage
 * never lowers a severity or replaces a type someone chose, and never applies a restricted type
 * (its cases need a private channel, decided at open), so those always wait for a person. Each
 * step is a timeline event; the case's triage state makes each verdict count once.
 */
final class TriageCase {
    private final Policy policy;
    private final Permissions permissions;

    TriageCase(Policy policy, Permissions permissions) {
        this.policy = policy;
        this.permissions = permissions;
    }

    Decision suggest(CaseFile file, CaseAction.Triage action, Instant now) {
        Case c = file.details();
        if (file.triage().isPresent()) return Decisions.rejected(c.id() + " has been triaged already.");
        SuggestedTriage suggested = action.suggested();
        Suggestion s = suggested.suggestion();
        TriageRouting.Route route = TriageRouting.route(s, policy.triage());
        Optional<String> heldBecause = !route.apply() ? Optional.empty()
                : !c.isOpen() ? Optional.of("the case was resolved before triage finished") : safeguard(c, s);
        boolean apply = route.apply() && heldBecause.isEmpty();

        CaseEvent event = new CaseEvent(c.id(), now, c.reporter(), new EventData.TriageSuggested(suggested, apply, route.rule(), heldBecause));

        TriageState state = TriageState.of(apply ? TriageState.Status.APPLIED : TriageState.Status.HELD, s, c);
        Case changed = apply ? applied(c, state.type(), state.severity(), state.surface()) : c;
        List<SlackEffect> effects = new ArrayList<>(List.of(new SlackEffect.ShowTriage(c.id())));
        if (apply) effects.addAll(followUps(c, changed));
        return new Decision.Applied(file.with(changed).withTriage(Optional.of(state)), List.of(event), effects);
    }

    Decision judge(CaseFile file, CaseAction.JudgeTriage action, UserId actor, Instant now) {
        Case c = file.details();
        Optional<TriageState> state = file.triage();
        if (state.isEmpty()) return Decisions.rejected(c.id() + " has no triage suggestion to decide on.");
        TriageVerdict verdict = action.verdict();
        TriageState.Status status = state.get().status();
        if (status == TriageState.Status.DECIDED) return Decisions.rejected("The triage suggestion on " + c.id() + " was decided already.");
        if (verdict == TriageVerdict.UNDONE && status != TriageState.Status.APPLIED) {
            return Decisions.rejected("The triage suggestion on " + c.id() + " was not applied, so there is nothing to undo.");
        }
        if (verdict != TriageVerdict.UNDONE && status != TriageState.Status.HELD) {
            return Decisions.rejected("The triage suggestion on " + c.id() + " was applied already; Undo takes it back.");
        }
        if (!c.isOpen()) return Decisions.reopenFirst(c);
        if (!permissions.maySteer(actor, c)) return Decisions.rejected(Permissions.onlySteerers("decide on triage"));
        if (action.type().isPresent() && policy.caseType(action.type().get()).isEmpty()) {
            return Decisions.rejected("There is no case type `" + action.type().get() + "`.");
        }
        TriageState s = state.get();
        Optional<String> chosenType = verdict == TriageVerdict.ACCEPTED ? s.type()
                : verdict == TriageVerdict.CHANGED ? action.type() : Optional.empty();
        Optional<CaseType> restrictedType = chosenType.flatMap(policy::caseType).filter(CaseType::restricted);
        if (restrictedType.isPresent() && !c.restricted() && !chosenType.equals(c.caseType())) {
            return Decisions.rejected(restrictedType.get().label() + " cases are restricted and need a private channel; " + c.id()
                    + "'s is not. Open it again as a restricted case: `/esc open <title> type:" + restrictedType.get().id() + "`.");
        }
        if (verdict == TriageVerdict.CHANGED && action.severity().map(to -> to.compareTo(c.severity()) > 0).orElse(false)) {
            return Decisions.rejected("Triage does not lower a severity. `/esc sev " + action.severity().get().level()
                    + " because <reason>` does.");
        }
        Case after = switch (verdict) {
            // A verdict never lowers the severity: someone may have raised it since the suggestion was made.
            case ACCEPTED -> c.withTriage(s.type().or(c::caseType), higher(s.severity(), c.severity()), c.surface().or(s::surface));
            case CHANGED -> c.withTriage(action.type().or(c::caseType), action.severity().orElse(c.severity()), c.surface().or(s::surface));
            case DISMISSED -> c;
            // Only what still holds triage's values goes back; a change made since then stays.
            case UNDONE -> c.withTriage(c.caseType().equals(s.typeBefore().or(s::type)) ? s.typeBefore() : c.caseType(),
                    c.severity() == s.severity() ? s.severityBefore() : c.severity(),
                    c.surface().equals(s.surfaceBefore().or(s::surface)) ? s.surfaceBefore() : c.surface());
        };
        CaseEvent event = new CaseEvent(c.id(), now, actor,
                new EventData.TriageJudged(verdict, summary(c), summary(after), s.type(), s.severity()));
        List<SlackEffect> effects = new ArrayList<>(List.of(new SlackEffect.Announce(c.id(), event)));
        effects.addAll(followUps(c, after));
        action.messageTs().ifPresent(ts -> effects.add(new SlackEffect.UpdateTriage(c.id(), ts)));
        return new Decision.Applied(file.with(after).withTriage(Optional.of(s.decided())), List.of(event), effects);
    }

    /** Why a suggestion the rules would apply waits for a person anyway; empty when nothing stands in the way. */
    private Optional<String> safeguard(Case c, Suggestion s) {
        if (s.severity().value().compareTo(c.severity()) > 0) {
            return Optional.of("it would lower the severity from " + c.severity() + " to " + s.severity().value());
        }
        if (c.caseType().isPresent() && s.typeId().isPresent() && !s.typeId().equals(c.caseType())) {
            return Optional.of("the case was opened as " + c.caseType().get());
        }
        if (s.typeId().flatMap(policy::caseType).map(CaseType::restricted).orElse(false) && !c.restricted()) {
            return Optional.of("its type is restricted, and this case's channel is not private");
        }
        return Optional.empty();
    }

    /** The card and topic follow a change; a type given where there was none brings its runbook checklist. */
    private List<SlackEffect> followUps(Case before, Case after) {
        if (after.equals(before)) return List.of();
        List<SlackEffect> effects = new ArrayList<>(List.of(new SlackEffect.UpdateCaseCard(after.id()), new SlackEffect.SetChannelTopic(after.id())));
        boolean newRunbook = before.caseType().isEmpty() && after.caseType().flatMap(policy::caseType).map(t -> !t.runbook().isEmpty()).orElse(false);
        if (newRunbook) effects.add(new SlackEffect.PostRunbook(after.id()));
        return effects;
    }

    /** The more severe of two severities (SEV1 is the most). */
    private static Severity higher(Severity a, Severity b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The suggestion on the case: a type only where none was chosen, a surface only where none was named. */
    private static Case applied(Case c, Optional<String> type, Severity severity, Optional<String> surface) {
        return c.withTriage(c.caseType().or(() -> type), severity, c.surface().or(() -> surface));
    }

    private String summary(Case c) {
        return c.severity() + " · " + c.caseType().flatMap(policy::caseType).map(CaseType::label).orElse("no type")
                + c.surface().map(s -> " · " + s).orElse("");
    }
}
