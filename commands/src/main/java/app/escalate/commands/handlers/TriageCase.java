package app.escalate.commands.handlers;

import app.escalate.commands.Case;
import app.escalate.commands.CaseAction;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.Guess;
import app.escalate.commands.Severity;
import app.escalate.commands.ShadowRoute;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.SlackText;
import app.escalate.commands.SuggestedTriage;
import app.escalate.commands.Suggestion;
import app.escalate.commands.TriageState;
import app.escalate.commands.TrialAnswer;
import app.escalate.commands.TriageVerdict;
import app.escalate.commands.UserId;
import app.escalate.commands.access.Permissions;
import app.escalate.commands.AiOverride;
import app.escalate.commands.fields.FieldValue;
import app.escalate.commands.triage.TriageRouting;
import app.escalate.config.CaseField;
import app.escalate.config.CaseType;
import app.escalate.config.Policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * AI triage on a case: the suggestion made after it opened, and a person's verdict on it. The
 * routing rules decide whether a suggestion is applied at once, with two limits of our own: triage
 * never lowers a severity or replaces a type someone chose, and never applies a restricted type
 * (its cases need a private channel, decided at open), so those always wait for a person. Each
 * step is a timeline event; the case's triage state makes each verdict count once. Proposed field
 * values follow the same rules, each at its own confidence, and never replace a value a person
 * gave; held ones are set by Accept (or, when the suggestion itself was applied, by Accept on the
 * values alone) and left out by any other verdict.
 */
final class TriageCase {
    /** Characters of each value the timeline names as left out; the triage message has them whole. */
    static final int LEFT_OUT_VALUE = 100;

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
                : !c.isOpen() ? Optional.of("the case was resolved before triage finished") : TriageRouting.safeguard(c, s, policy);
        boolean apply = route.apply() && heldBecause.isEmpty();

        // Shadow rules decide nothing; what they would have done, within the same limits, is only recorded.
        Optional<ShadowRoute> shadow = TriageRouting.shadow(s, policy.triage()).map(rule -> new ShadowRoute(rule.name(),
                rule.applies() && c.isOpen() && TriageRouting.safeguard(c, s, policy).isEmpty()));
        CaseEvent event = new CaseEvent(c.id(), now, c.reporter(), new EventData.TriageSuggested(suggested, apply, route.rule(), heldBecause, shadow,
                action.shadowPrompt().map(TrialAnswer::of)));

        TriageState state = TriageState.of(apply ? TriageState.Status.APPLIED : TriageState.Status.HELD, s, c);
        Case changed = apply ? applied(c, state.type(), state.severity(), state.surface()) : c;
        List<CaseEvent> events = new ArrayList<>(List.of(event));
        CaseFile after = file.with(changed);
        // The fields are those of the type the case has once this step is done; with none yet, every value waits with the type.
        Optional<String> fieldsType = changed.caseType();
        Map<String, TriageState.Proposed> fields = new LinkedHashMap<>();
        for (Map.Entry<String, Guess<String>> proposal : s.fields().entrySet()) {
            String id = proposal.getKey();
            Guess<String> value = proposal.getValue();
            if (file.field(id).isPresent()) {
                fields.put(id, new TriageState.Proposed(value.value(), TriageState.Outcome.KEPT));
                continue;
            }
            if (fieldsType.isEmpty()) {
                fields.put(id, new TriageState.Proposed(value.value(), TriageState.Outcome.HELD));
                continue;
            }
            Optional<CaseField> field = holding(fieldsType, id, value.value());
            if (field.isEmpty()) continue;
            // A field a deadline runs from (a regulator's received_at) starts someone else's clock: a person confirms it.
            boolean startsDeadline = fieldsType.flatMap(policy::caseType).map(t -> t.deadlines().stream()
                    .anyMatch(d -> d.fromField().equals(Optional.of(id)))).orElse(false);
            boolean applies = c.isOpen() && !startsDeadline
                    && TriageRouting.route(fieldsType, s.severity().value(), value.confidence(), policy.triage()).apply();
            if (applies) {
                after = after.withField(id, value.value());
                events.add(new CaseEvent(c.id(), now, c.reporter(),
                        new EventData.FieldSet(id, field.get().label(), Optional.empty(), value.value(), true)));
            }
            fields.put(id, new TriageState.Proposed(value.value(), applies ? TriageState.Outcome.APPLIED : TriageState.Outcome.HELD));
        }
        List<SlackEffect> effects = new ArrayList<>(List.of(new SlackEffect.ShowTriage(c.id())));
        if (apply) effects.addAll(followUps(c, changed));
        if (events.size() > 1 && !effects.contains(new SlackEffect.UpdateCaseCard(c.id()))) effects.add(new SlackEffect.UpdateCaseCard(c.id()));
        return new Decision.Applied(after.withTriage(Optional.of(state.withFields(fields))), events, effects);
    }

    Decision judge(CaseFile file, CaseAction.JudgeTriage action, UserId actor, Instant now) {
        Case c = file.details();
        Optional<TriageState> state = file.triage();
        if (state.isEmpty()) return Decisions.rejected(c.id() + " has no triage suggestion to decide on.");
        TriageVerdict verdict = action.verdict();
        // Held values are left out with Dismiss (or Reject values); this verdict is only ever recorded, never asked for.
        if (verdict == TriageVerdict.LEFT_OUT) return Decisions.rejected("Dismiss leaves the values triage proposed out.");
        TriageState.Status status = state.get().status();
        if (status == TriageState.Status.DECIDED) return Decisions.rejected("The triage suggestion on " + c.id() + " was decided already.");
        if (status == TriageState.Status.APPLIED && state.get().holdsFields()
                && (verdict == TriageVerdict.ACCEPTED || verdict == TriageVerdict.DISMISSED)) {
            return judgeFields(file, action, actor, now);
        }
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
            case LEFT_OUT -> c; // refused above
            // Only what still holds triage's values goes back; a change made since then stays.
            case UNDONE -> c.withTriage(c.caseType().equals(s.typeBefore().or(s::type)) ? s.typeBefore() : c.caseType(),
                    c.severity() == s.severity() ? s.severityBefore() : c.severity(),
                    c.surface().equals(s.surfaceBefore().or(s::surface)) ? s.surfaceBefore() : c.surface());
        };
        CaseEvent event = new CaseEvent(c.id(), now, actor,
                new EventData.TriageJudged(verdict, summary(c), summary(after), s.type(), s.severity()));
        List<SlackEffect> effects = new ArrayList<>(List.of(new SlackEffect.Announce(c.id(), event)));
        effects.addAll(followUps(c, after));
        // Held values go with Accept; Change… and Dismiss chose otherwise, and Undo takes triage back.
        Decided fields = decideHeld(file.with(after), s, verdict == TriageVerdict.ACCEPTED, actor, now);
        List<CaseEvent> events = new ArrayList<>(List.of(event));
        events.addAll(fields.events());
        fields.events().forEach(e -> effects.add(new SlackEffect.Announce(c.id(), e)));
        if (!fields.events().isEmpty() && !effects.contains(new SlackEffect.UpdateCaseCard(c.id()))) {
            effects.add(new SlackEffect.UpdateCaseCard(c.id()));
        }
        action.messageTs().ifPresent(ts -> effects.add(new SlackEffect.UpdateTriage(c.id(), ts)));
        // Whoever overrode the suggestion is asked why, when the team names its failure modes.
        if (verdict.overrides() && !policy.ai().failureModes().isEmpty()) {
            c.channel().ifPresent(ch -> effects.add(new SlackEffect.OfferTags(c.id(), actor, ch.id(), AiOverride.TRIAGE)));
        }
        return new Decision.Applied(fields.file().withTriage(Optional.of(s.decided().withFields(fields.outcomes()))), events, effects);
    }

    /**
     * Accept or Dismiss on a suggestion applied at once whose field values were held: the values
     * alone are decided; the suggestion stays applied, so Undo still takes it back.
     */
    private Decision judgeFields(CaseFile file, CaseAction.JudgeTriage action, UserId actor, Instant now) {
        Case c = file.details();
        if (!c.isOpen()) return Decisions.reopenFirst(c);
        if (!permissions.maySteer(actor, c)) return Decisions.rejected(Permissions.onlySteerers("decide on triage"));
        TriageState s = file.triage().orElseThrow();
        Decided fields = decideHeld(file, s, action.verdict() == TriageVerdict.ACCEPTED, actor, now);
        List<CaseEvent> events = new ArrayList<>(fields.events());
        // What was not set is on the timeline too: rejected, or a value someone has given the field since.
        String notSet = s.fields().entrySet().stream().filter(e -> e.getValue().outcome() == TriageState.Outcome.HELD)
                .filter(e -> fields.outcomes().get(e.getKey()).outcome() != TriageState.Outcome.ACCEPTED)
                .map(e -> label(c, e.getKey()) + ": " + SlackText.clip(e.getValue().value(), LEFT_OUT_VALUE)).collect(Collectors.joining("; "));
        if (!notSet.isEmpty()) {
            events.add(new CaseEvent(c.id(), now, actor, new EventData.TriageJudged(TriageVerdict.LEFT_OUT, notSet, "not set", s.type(), s.severity())));
        }
        List<SlackEffect> effects = new ArrayList<>();
        events.forEach(e -> effects.add(new SlackEffect.Announce(c.id(), e)));
        if (!fields.events().isEmpty()) effects.add(new SlackEffect.UpdateCaseCard(c.id()));
        action.messageTs().ifPresent(ts -> effects.add(new SlackEffect.UpdateTriage(c.id(), ts)));
        return new Decision.Applied(fields.file().withTriage(Optional.of(s.withFields(fields.outcomes()))), events, effects);
    }

    private String label(Case c, String field) {
        return c.caseType().flatMap(policy::caseType).flatMap(t -> t.field(field)).map(CaseField::label).orElse(field);
    }

    /** The case with the accepted values set, what became of each proposal, and a field-set event per value set. */
    private record Decided(CaseFile file, Map<String, TriageState.Proposed> outcomes, List<CaseEvent> events) {
    }

    /**
     * Each held value accepted (set, as {@code actor} accepting it) or rejected. An accepted value is
     * still rejected when the case's type has no such field or it cannot hold the value (the type
     * may have changed), and kept out when someone has set the field since: a person's value stands.
     */
    private Decided decideHeld(CaseFile file, TriageState s, boolean accept, UserId actor, Instant now) {
        CaseFile after = file;
        Map<String, TriageState.Proposed> outcomes = new LinkedHashMap<>(s.fields());
        List<CaseEvent> events = new ArrayList<>();
        for (Map.Entry<String, TriageState.Proposed> e : s.fields().entrySet()) {
            TriageState.Proposed p = e.getValue();
            if (p.outcome() != TriageState.Outcome.HELD) continue;
            Optional<CaseField> field = accept ? holding(after.details().caseType(), e.getKey(), p.value()) : Optional.empty();
            if (field.isPresent() && after.field(e.getKey()).isPresent()) {
                outcomes.put(e.getKey(), p.as(TriageState.Outcome.KEPT));
            } else if (field.isPresent()) {
                after = after.withField(e.getKey(), p.value());
                events.add(new CaseEvent(after.id(), now, actor, new EventData.FieldSet(e.getKey(), field.get().label(), Optional.empty(), p.value())));
                outcomes.put(e.getKey(), p.as(TriageState.Outcome.ACCEPTED));
            } else {
                outcomes.put(e.getKey(), p.as(TriageState.Outcome.REJECTED));
            }
        }
        return new Decided(after, outcomes, events);
    }

    /** The field {@code id} of {@code type}, when it is one a model may fill and {@code value} is one it holds. */
    private Optional<CaseField> holding(Optional<String> type, String id, String value) {
        return type.flatMap(policy::caseType).flatMap(t -> t.field(id)).filter(f -> !f.restricted() && FieldValue.holds(f, value));
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
