package app.escalate.commands.sla;

import app.escalate.commands.Case;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseStore;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.SlaClock;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.decisions.SignOffReminders;
import app.escalate.commands.oncall.OnCall;
import app.escalate.config.Policy;
import app.escalate.config.SeverityPolicy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The SLA sweep: before a clock runs out (at the severity's {@code warn_at} fractions, default
 * 75%) the case channel is warned, mentioning the owner and whoever is on call; when it runs out,
 * the timeline records the breach, the card shows it, and the next level is paged (for the ack
 * clock the escalation chain already does that). Each warning and breach is keyed by clock and due
 * time and recorded with the case row locked, so it is raised once; a severity change moves the
 * due times and so the warnings with them.
 */
public final class SlaWatch {
    private final CaseStore cases;
    private final Policy policy;
    private final NextLevel next;
    private final Clock clock;

    public SlaWatch(CaseStore cases, Policy policy, OnCall onCall, Clock clock) {
        this.cases = cases;
        this.policy = policy;
        this.next = new NextLevel(policy, onCall);
        this.clock = clock;
    }

    /** Raises what is due (and reminds decisions' pending sign-offs); returns how many cases had a warning or a breach. */
    public int sweep() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int raised = 0;
        // Read in bulk; only a case with something new to raise is locked and decided.
        for (CaseFile f : cases.openFiles()) {
            Case c = f.details();
            if (!SignOffReminders.due(f, policy, now).isEmpty()) {
                cases.change(c.id(), file -> SignOffReminders.remind(file, policy, now));
            }
            if (due(c, policy.severity(c.severity().level()), now, f.slaAlerts()).isEmpty()) continue;
            Set<String> met = metClocks(cases.timeline(c.id()));
            if (cases.change(c.id(), file -> decide(file, now, met)) instanceof Decision.Applied) raised++;
        }
        return raised;
    }

    /** An alert due on a case: a warning at a fraction of a clock, or its breach. */
    record Alert(SlaClock.Running clock, Optional<Double> fraction) {
        /** A warning follows its due time (a severity change moves it); a clock is breached once, whatever moves it later. */
        String key() {
            return fraction.map(f -> clock.clock() + ":warn" + Math.round(f * 100) + "@" + clock.due().getEpochSecond())
                    .orElse(breachKey(clock.clock()));
        }
    }

    public static String breachKey(String clock) {
        return clock + ":breach";
    }

    /** The clock was met once (the case was mitigated or resolved in time, then reopened): it raises nothing again. */
    static String metKey(String clock) {
        return clock + ":met";
    }


    /** The alerts due at {@code now} and not raised yet; a breach replaces the warnings of its clock. */
    static List<Alert> due(Case c, SeverityPolicy sla, Instant now, Set<String> raised) {
        List<Alert> due = new ArrayList<>();
        for (SlaClock.Running clock : SlaClock.running(c, sla)) {
            if (raised.contains(metKey(clock.clock()))) continue;
            if (!now.isBefore(clock.due())) {
                Alert breach = new Alert(clock, Optional.empty());
                if (!raised.contains(breach.key())) due.add(breach);
                continue;
            }
            Optional<Alert> latest = Optional.empty();
            for (double f : sla.warnAt()) {   // ascending: the last one passed is the latest warning
                Instant at = c.openedAt().plus(Duration.ofMillis((long) (clock.length().toMillis() * f)));
                if (!now.isBefore(at)) latest = Optional.of(new Alert(clock, Optional.of(f)));
            }
            latest.filter(a -> !raised.contains(a.key())).ifPresent(due::add);
        }
        return due;
    }

    /** Clocks a reopened or regressed case met before: mitigated (or later) once, resolved once. */
    static Set<String> metClocks(List<CaseEvent> timeline) {
        Set<String> met = new LinkedHashSet<>();
        for (CaseEvent e : timeline) {
            if (e.kind() == CaseEvent.Kind.RESOLVED) {
                met.add("mitigate");
                met.add("resolve");
            }
            if (e.as(EventData.StateChanged.class).filter(EventData.StateChanged::mitigates).isPresent()) {
                met.add("mitigate");
            }
        }
        return met;
    }

    Decision decide(CaseFile file, Instant now, Set<String> met) {
        Case c = file.details();
        CaseFile after = file;
        for (String clock : met) {
            if (!after.slaAlerts().contains(metKey(clock)) && !after.slaAlerts().contains(breachKey(clock))) after = after.withSlaAlert(metKey(clock));
        }
        List<Alert> due = due(c, policy.severity(c.severity().level()), now, after.slaAlerts());
        if (due.isEmpty()) {
            // Only marks of clocks met before: recorded (so the case is not looked at again), nothing said.
            return after == file ? new Decision.Rejected("nothing due") : new Decision.Applied(after, List.of(new CaseEvent(c.id(), now,
                    c.reporter(), new EventData.SlaMet(List.copyOf(met)))), List.of());
        }
        List<CaseEvent> events = new ArrayList<>();
        List<SlackEffect> effects = new ArrayList<>();
        boolean breached = false;
        for (Alert a : due) {
            after = after.withSlaAlert(a.key());
            if (a.fraction().isPresent()) {
                CaseEvent warning = new CaseEvent(c.id(), now, c.reporter(), new EventData.SlaWarning(a.clock().clock(), a.clock().due(),
                        (int) Math.round(a.fraction().get() * 100), next.notify(c, now)));
                events.add(warning);
                effects.add(new SlackEffect.Announce(c.id(), warning));
                continue;
            }
            breached = true;
            CaseEvent breach = new CaseEvent(c.id(), now, c.reporter(), new EventData.SlaBreached(a.clock().clock(), a.clock().due()));
            events.add(breach);
            effects.add(new SlackEffect.Announce(c.id(), breach));
            if (!a.clock().clock().equals("ack")) after = next.page(after, now, events, effects);
        }
        if (breached) effects.add(new SlackEffect.UpdateCaseCard(c.id()));
        return new Decision.Applied(after, events, effects);
    }

}
