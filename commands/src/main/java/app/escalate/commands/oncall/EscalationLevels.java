package app.escalate.commands.oncall;

import app.escalate.commands.Level;
import app.escalate.commands.UserId;
import app.escalate.config.Policy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who is paged beyond the primary: each rotation's secondary on call now, then each rotation's
 * managers group. Each person comes with the level and rotation the page names.
 */
public final class EscalationLevels {
    /** The level and rotation a page names, e.g. secondary of "Escalations on-call". */
    public record As(String level, String rotation) {
    }

    private final Policy policy;
    private final OnCall onCall;

    public EscalationLevels(Policy policy, OnCall onCall) {
        this.policy = policy;
        this.onCall = onCall;
    }

    public Map<UserId, As> secondaries(Instant now) {
        Map<UserId, As> people = new LinkedHashMap<>();
        for (Schedule s : onCall.schedules(now)) {
            s.holder(Level.SECONDARY, now).ifPresent(u -> people.putIfAbsent(u, new As("secondary", s.rotation().name())));
        }
        return people;
    }

    public Map<UserId, As> managers() {
        Map<UserId, As> people = new LinkedHashMap<>();
        policy.rotations().stream().filter(r -> r.managers() != null).forEach(r ->
                policy.group(r.managers()).forEach(u -> people.putIfAbsent(new UserId(u), new As("manager", r.name()))));
        return people;
    }
}
