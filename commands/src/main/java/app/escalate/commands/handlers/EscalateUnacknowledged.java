package app.escalate.commands.handlers;

import app.escalate.commands.Case;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseId;
import app.escalate.commands.CaseStore;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.Paging;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import app.escalate.commands.oncall.EscalationLevels;
import app.escalate.commands.paging.PageSteps;
import app.escalate.commands.oncall.OnCall;
import app.escalate.config.Policy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The escalation chain: when nobody has acknowledged a case within its severity's ack timeout, the
 * next level is paged (the secondary, then each rotation's managers group) by direct message and
 * with a mention in the case channel, and the timeline says so; this repeats after each timeout
 * until someone acks or the chain ends. Run periodically; each step happens once per case, because
 * it is decided with the case row locked.
 */
public final class EscalateUnacknowledged {
    static final int SECONDARY = 1;
    static final int MANAGERS = 2;

    private final CaseStore cases;
    private final Policy policy;
    private final EscalationLevels levels;
    private final Clock clock;
    private final PageSteps steps;

    public EscalateUnacknowledged(CaseStore cases, Policy policy, OnCall onCall, Clock clock) {
        this.cases = cases;
        this.policy = policy;
        this.levels = new EscalationLevels(policy, onCall);
        this.clock = clock;
        this.steps = new PageSteps(policy);
    }

    /** Takes every due step; returns how many cases were paged further. */
    public int sweep() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int paged = 0;
        for (CaseId id : cases.duePaging(now)) {
            if (cases.change(id, file -> decide(file, now)) instanceof Decision.Applied) paged++;
        }
        return paged;
    }

    Decision decide(CaseFile file, Instant now) {
        Case c = file.details();
        Paging paging = file.paging();
        if (!c.isOpen() || c.acknowledged().isPresent() || paging.nextAt().map(now::isBefore).orElse(true)) {
            return new Decision.Rejected("nothing due");
        }
        Duration timeout = policy.severity(c.severity().level()).ack();
        for (int step = paging.step() + 1; step <= MANAGERS; step++) {
            Map<UserId, EscalationLevels.As> people = step == SECONDARY ? levels.secondaries(now) : levels.managers();
            people.keySet().removeIf(file.members()::contains);   // already in the channel, and paged or acting
            if (people.isEmpty()) continue;
            PageSteps.Out out = PageSteps.Out.collecting();
            out.effects().add(new SlackEffect.InviteToChannel(c.id(), List.copyOf(people.keySet())));
            CaseFile after = file.withPaging(new Paging(step, Optional.of(now.plus(timeout))));
            for (Map.Entry<UserId, EscalationLevels.As> person : people.entrySet()) {
                CaseEvent event = CaseEvent.paged(c, now, person.getKey(), person.getValue().level(), person.getValue().rotation(),
                        Optional.of(Duration.between(c.openedAt(), now)));
                out.events().add(event);
                out.effects().add(new SlackEffect.Announce(c.id(), event));
                after = steps.onCall(after.withMember(person.getKey()), person.getKey(), person.getValue().level(), person.getValue().rotation(),
                        now, out);
            }
            return new Decision.Applied(after, out.events(), out.effects());
        }
        // Nobody left to page: say so once, and stop the clock.
        CaseEvent ended = new CaseEvent(c.id(), now, c.reporter(), new EventData.ChainEnded(Duration.between(c.openedAt(), now)));
        return new Decision.Applied(file.withPaging(new Paging(MANAGERS, Optional.empty())), List.of(ended),
                List.of(new SlackEffect.Announce(c.id(), ended)));
    }
}
