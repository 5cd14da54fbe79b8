package app.escalate.commands.sla;

import app.escalate.commands.Case;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseStore;
import app.escalate.commands.Deadlines;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.oncall.OnCall;
import app.escalate.config.CaseType;
import app.escalate.config.Policy;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The deadline sweep, as the SLA sweep: a deadline reaching its warning time warns the case channel
 * (mentioning the owner and whoever is on call); one running out records the breach, updates the
 * card and pages the next level. Each is keyed by the deadline's name and due time and recorded
 * with the case row locked, so it is raised once; a deadline moved later warns and breaches anew.
 */
public final class DeadlineWatch {
    /**
     * A breach found this long after its due time (a deadline added to the policy for cases long
     * open, or a bot down for a day) is announced and shown, but pages no one: the digest leads with
     * it, and a page for a day-old miss would wake the next level for nothing they can still change.
     */
    static final java.time.Duration PAGE_WITHIN = java.time.Duration.ofHours(24);

    private final CaseStore cases;
    private final Policy policy;
    private final NextLevel next;
    private final Clock clock;

    public DeadlineWatch(CaseStore cases, Policy policy, OnCall onCall, Clock clock) {
        this.cases = cases;
        this.policy = policy;
        this.next = new NextLevel(policy, onCall);
        this.clock = clock;
    }

    /** Raises what is due; returns how many cases had a warning or a breach. */
    public int sweep() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int raised = 0;
        for (CaseFile f : cases.openFiles()) {
            if (due(f, now).isEmpty()) continue;
            if (cases.change(f.id(), file -> decide(file, now)) instanceof Decision.Applied) raised++;
        }
        return raised;
    }

    /** An alert due on a deadline: its warning, or its breach (which replaces the warning). */
    record Alert(Deadlines.Deadline deadline, boolean breach) {
        String key() {
            return key(deadline.name(), breach, deadline.due());
        }

        static String key(String name, boolean breach, Instant due) {
            return "deadline:" + name + (breach ? ":breach@" : ":warn@") + due.getEpochSecond();
        }
    }

    /**
     * How a deadline stands as far as the sweep has recorded: what the card shows, which is redrawn
     * when the sweep raises something (so it never claims a breach no one was told of).
     */
    public static Deadlines.Standing recorded(CaseFile file, Deadlines.Deadline d) {
        if (!d.isOpen()) return d.standing(d.due());
        if (file.slaAlerts().contains(Alert.key(d.name(), true, d.due()))) return Deadlines.Standing.BREACHED;
        if (file.slaAlerts().contains(Alert.key(d.name(), false, d.due()))) return Deadlines.Standing.WARNED;
        return Deadlines.Standing.RUNNING;
    }

    List<Alert> due(CaseFile file, Instant now) {
        Optional<CaseType> type = file.details().caseType().flatMap(policy::caseType);
        List<Alert> due = new ArrayList<>();
        for (Deadlines.Deadline d : Deadlines.open(file, type)) {
            Deadlines.Standing standing = d.standing(now);
            if (standing == Deadlines.Standing.RUNNING) continue;
            Alert alert = new Alert(d, standing == Deadlines.Standing.BREACHED);
            if (!file.slaAlerts().contains(alert.key())) due.add(alert);
        }
        return due;
    }

    Decision decide(CaseFile file, Instant now) {
        Case c = file.details();
        List<Alert> due = due(file, now);
        if (due.isEmpty()) return new Decision.Rejected("nothing due");
        CaseFile after = file;
        List<CaseEvent> events = new ArrayList<>();
        List<SlackEffect> effects = new ArrayList<>();
        boolean breached = false;
        for (Alert a : due) {
            after = after.withSlaAlert(a.key());
            Deadlines.Deadline d = a.deadline();
            if (!a.breach()) {
                CaseEvent warning = new CaseEvent(c.id(), now, c.reporter(), new EventData.DeadlineWarning(d.name(), d.due(), next.notify(c, now)));
                events.add(warning);
                effects.add(new SlackEffect.Announce(c.id(), warning));
                continue;
            }
            CaseEvent breach = new CaseEvent(c.id(), now, c.reporter(), new EventData.DeadlineBreached(d.name(), d.due()));
            events.add(breach);
            effects.add(new SlackEffect.Announce(c.id(), breach));
            if (!d.due().plus(PAGE_WITHIN).isBefore(now)) breached = true;
        }
        // Once, however many ran out together: the next level, not the whole chain.
        if (breached) after = next.page(after, now, events, effects);
        effects.add(new SlackEffect.UpdateCaseCard(c.id()));
        return new Decision.Applied(after, events, effects);
    }
}
