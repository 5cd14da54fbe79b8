package app.escalate.commands.review;

import app.escalate.commands.DraftKind;
import app.escalate.commands.OverdueReview;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.summary.Prompts;
import app.escalate.commands.triage.TriagePrompt;
import app.escalate.config.CaseType;
import app.escalate.config.Policy;
import app.escalate.config.Review;
import app.escalate.config.RoutingRule;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The prompts, triage routing rules and decision-tree runbooks whose review date has passed (in
 * UTC), longest overdue first. The weekly job posts them to the team channel, naming each owner; {@code /esc stats}
 * lists them.
 */
public final class ReviewDates {

    private final Policy policy;
    private final Clock clock;

    public ReviewDates(Policy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    public List<OverdueReview> overdue() {
        return overdue(policy, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    static List<OverdueReview> overdue(Policy policy, LocalDate today) {
        List<OverdueReview> all = new ArrayList<>();
        for (DraftKind kind : DraftKind.values()) {
            Review review = policy.prompts().get(kind.id());
            if (review != null) all.add(new OverdueReview(kind.label() + " prompt (" + Prompts.version(kind) + ")", review));
        }
        Review triagePrompt = policy.prompts().get("triage");
        if (triagePrompt != null) all.add(new OverdueReview("Triage prompt (" + TriagePrompt.VERSION + ")", triagePrompt));
        for (RoutingRule rule : policy.triage().rules()) all.add(new OverdueReview("Triage routing rule " + rule.name(), rule.review()));
        policy.ai().review().ifPresent(review -> all.add(new OverdueReview("AI failure modes", review)));
        for (CaseType type : policy.caseTypes()) {
            type.tree().ifPresent(tree -> all.add(new OverdueReview("Runbook decision tree of " + type.label(), tree.review())));
        }
        return all.stream().filter(o -> o.review().pastDue(today))
                .sorted(Comparator.comparing((OverdueReview o) -> o.review().reviewBy()).thenComparing(OverdueReview::what))
                .toList();
    }

    /** The weekly reminder for the team channel, when anything is overdue. */
    public Optional<SlackEffect.ReviewReminder> reminder() {
        List<OverdueReview> overdue = overdue();
        return overdue.isEmpty() ? Optional.empty() : Optional.of(new SlackEffect.ReviewReminder(policy.workspace().teamChannel(), overdue));
    }
}
