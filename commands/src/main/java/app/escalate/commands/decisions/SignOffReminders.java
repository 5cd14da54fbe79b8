package app.escalate.commands.decisions;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseDecision;
import app.escalate.commands.CaseFile;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import app.escalate.config.Policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A sign-off still pending once the case's severity's {@code ack} time has passed since the
 * decision reminds the groups it waits on, once: the reminder's key joins the case's raised alerts
 * (with the case row locked), so replicas and restarts repeat none.
 */
public final class SignOffReminders {
    private SignOffReminders() {
    }

    public static String key(int decision) {
        return "decision:" + decision + ":remind";
    }

    /** The pending decisions of the case whose reminder is due at {@code now} and not yet raised. */
    public static List<CaseDecision> due(CaseFile file, Policy policy, Instant now) {
        Duration ack = policy.severity(file.details().severity().level()).ack();
        return file.decisions().stream().filter(d -> d.status() == CaseDecision.Status.PENDING)
                .filter(d -> !file.slaAlerts().contains(key(d.number())) && !now.isBefore(d.at().plus(ack))).toList();
    }

    /** Each due reminder said in the case channel, naming the waiting groups' members; rejected when none is due. */
    public static Decision remind(CaseFile file, Policy policy, Instant now) {
        List<CaseDecision> due = due(file, policy, now);
        if (due.isEmpty()) return new Decision.Rejected("no sign-off reminder due");
        CaseFile after = file;
        List<CaseEvent> events = new ArrayList<>();
        List<SlackEffect> effects = new ArrayList<>();
        for (CaseDecision d : due) {
            Set<UserId> people = new LinkedHashSet<>();
            d.waitingOn().forEach(g -> policy.group(g).forEach(u -> people.add(new UserId(u))));
            CaseEvent event = new CaseEvent(file.id(), now, d.decider(), new EventData.SignOffReminded(d.number(), d.text(), d.waitingOn(),
                    List.copyOf(people)));
            after = after.withSlaAlert(key(d.number()));
            events.add(event);
            effects.add(new SlackEffect.Announce(file.id(), event));
        }
        return new Decision.Applied(after, events, effects);
    }
}
