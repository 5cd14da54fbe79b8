package app.escalate.commands.triage;

import app.escalate.commands.Case;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseId;
import app.escalate.commands.EventData;
import app.escalate.commands.Severity;
import app.escalate.commands.SuggestedTriage;
import app.escalate.commands.Suggestion;
import app.escalate.commands.TriageState;
import app.escalate.config.Policy;

import java.util.List;
import java.util.Optional;

/**
 * Stored cases triaged again under two policies, the current one and a new one, and what would
 * change: which suggestions the rules would apply at once or hold, and how often each policy's
 * suggestion differs from what people decided. What people decided is the case's type and severity
 * as they stand once its triage was judged (accepted, changed, dismissed, undone) or, applied at
 * once, left standing; a case whose suggestion still waits for a person, or that was never
 * triaged, has no decision to compare with, as in {@code /esc stats}.
 */
public final class PolicyReplay {

    /**
     * A case as triage saw it: as it stood before triage (its type, severity and surface then), with
     * the reporter's description; {@code decided}, the type and severity people settled on, if they have.
     */
    public record Seen(Case before, Optional<String> description, Optional<Decided> decided) {
        public CaseId id() {
            return before.id();
        }
    }

    /** A type (none: no type) and severity. */
    public record Decided(Optional<String> type, Severity severity) {
    }

    /**
     * What one policy's triage makes of a case: its suggestion and who made it (the model, or the
     * keywords; {@code modelFailed}, why the keywords stood in for a model that was asked), whether it
     * is applied at once, and the rule (or safeguard) that says so.
     */
    public record Outcome(Decided suggested, String source, Optional<String> modelFailed, boolean applied, Optional<String> rule,
                          Optional<String> heldBecause) {
        /** Differs from what people decided in type or severity. */
        public boolean overridden(Decided decided) {
            return !suggested.equals(decided);
        }

    }

    /** A case under the current policy and the new one. */
    public record Compared(Seen seen, Outcome current, Outcome proposed) {
        /** The suggestion differs, or one policy applies it and the other holds it (another rule saying the same is no change). */
        public boolean changes() {
            return !current.suggested().equals(proposed.suggested()) || current.applied() != proposed.applied();
        }
    }

    /**
     * One policy's figures: suggestions applied at once and held, and those the keywords made for a
     * model that failed, over all the cases; and over the {@code decided} ones, those whose type,
     * severity, or either, differs from what people decided.
     */
    public record Figures(int applied, int held, int modelFailed, int decided, int typeDiffers, int severityDiffers, int overridden) {
        /** The share of decided cases whose suggestion people would override, 0 with none decided. */
        public double overrideRate() {
            return decided == 0 ? 0 : (double) overridden / decided;
        }
    }

    /**
     * The comparison: each policy's figures, how many held suggestions the new policy would apply
     * and how many applied ones it would hold, and the cases whose outcome changes.
     */
    public record Report(List<Compared> cases, Figures current, Figures proposed, int nowApplied, int nowHeld) {
        public Report {
            cases = List.copyOf(cases);
        }

        public List<Compared> changed() {
            return cases.stream().filter(Compared::changes).toList();
        }
    }

    private PolicyReplay() {
    }

    /** The case as triage saw it: before triage, from its triage state (or, never triaged, as opened); and people's decision. */
    public static Seen seen(CaseFile file, List<CaseEvent> timeline) {
        Case c = file.details();
        Optional<EventData.Opened> opened = timeline.stream().flatMap(e -> e.as(EventData.Opened.class).stream()).findFirst();
        Optional<String> description = opened.flatMap(EventData.Opened::description).filter(d -> !d.isBlank());
        Optional<TriageState> triage = file.triage();
        Optional<String> type = triage.map(TriageState::typeBefore).orElseGet(() -> opened.map(EventData.Opened::caseType).orElse(c.caseType()));
        Severity severity = triage.map(TriageState::severityBefore).orElseGet(() -> opened.map(EventData.Opened::severity).orElse(c.severity()));
        Optional<String> surface = triage.map(TriageState::surfaceBefore).orElseGet(() -> opened.map(EventData.Opened::surface).orElse(c.surface()));
        boolean judged = timeline.stream().anyMatch(e -> e.as(EventData.TriageJudged.class).filter(j -> j.verdict().onSuggestion()).isPresent());
        boolean decided = triage.isPresent() && (judged || triage.get().status() != TriageState.Status.HELD);
        return new Seen(c.withTriage(type, severity, surface), description,
                decided ? Optional.of(new Decided(c.caseType(), c.severity())) : Optional.empty());
    }

    /**
     * What {@code policy}'s triage suggests for the case and whether it would be applied: its routing
     * rules, then the bot's own safeguards. The case's text goes to the model only where the policy lets it.
     */
    public static Outcome outcome(Seen seen, Policy policy, Triager triager) {
        Case c = seen.before();
        boolean modelAllowed = policy.mayUseModel(c.caseType(), c.restricted());
        SuggestedTriage suggested = triager.suggest(c.title(), seen.description(), c.surface(), c.caseType(), modelAllowed);
        Suggestion s = suggested.suggestion();
        TriageRouting.Route route = TriageRouting.route(s, policy.triage());
        Optional<String> heldBecause = route.apply() ? TriageRouting.safeguard(c, s, policy) : Optional.empty();
        Optional<String> modelFailed = triager.asksModel() && modelAllowed ? suggested.fellBack() : Optional.empty();
        return new Outcome(new Decided(s.typeId(), s.severity().value()), suggested.source(), modelFailed,
                route.apply() && heldBecause.isEmpty(), route.rule(), heldBecause);
    }

    /** The comparison of the two policies' outcomes over {@code cases}. */
    public static Report compare(List<Seen> cases, Policy current, Triager currentTriager, Policy proposed, Triager proposedTriager) {
        List<Compared> compared = cases.stream()
                .map(c -> new Compared(c, outcome(c, current, currentTriager), outcome(c, proposed, proposedTriager))).toList();
        int nowApplied = (int) compared.stream().filter(c -> !c.current().applied() && c.proposed().applied()).count();
        int nowHeld = (int) compared.stream().filter(c -> c.current().applied() && !c.proposed().applied()).count();
        return new Report(compared, figures(compared, Compared::current), figures(compared, Compared::proposed), nowApplied, nowHeld);
    }

    private static Figures figures(List<Compared> cases, java.util.function.Function<Compared, Outcome> under) {
        int applied = 0;
        int modelFailed = 0;
        int decided = 0;
        int typeDiffers = 0;
        int severityDiffers = 0;
        int overridden = 0;
        for (Compared c : cases) {
            Outcome o = under.apply(c);
            if (o.applied()) applied++;
            if (o.modelFailed().isPresent()) modelFailed++;
            if (c.seen().decided().isEmpty()) continue;
            Decided people = c.seen().decided().get();
            decided++;
            if (!o.suggested().type().equals(people.type())) typeDiffers++;
            if (o.suggested().severity() != people.severity()) severityDiffers++;
            if (o.overridden(people)) overridden++;
        }
        return new Figures(applied, cases.size() - applied, modelFailed, decided, typeDiffers, severityDiffers, overridden);
    }
}
