package app.escalate.commands.sla;

import app.escalate.commands.Case;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.Level;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import app.escalate.commands.oncall.EscalationLevels;
import app.escalate.commands.paging.PageSteps;
import app.escalate.commands.oncall.OnCall;
import app.escalate.commands.oncall.Schedule;
import app.escalate.config.Policy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Whom a running-out clock concerns: the people a warning mentions, and the next level a breach pages. */
final class NextLevel {
    private final OnCall onCall;
    private final EscalationLevels levels;
    private final PageSteps steps;

    NextLevel(Policy policy, OnCall onCall) {
        this.onCall = onCall;
        this.levels = new EscalationLevels(policy, onCall);
        this.steps = new PageSteps(policy);
    }

    /** The owner and whoever holds primary now: the people a warning mentions. */
    List<UserId> notify(Case c, Instant now) {
        Set<UserId> people = new LinkedHashSet<>();
        c.owner().ifPresent(people::add);
        c.acknowledged().ifPresent(a -> people.add(a.by()));   // whoever took the page is working it
        for (Schedule s : onCall.schedules(now)) s.holder(Level.PRIMARY, now).ifPresent(people::add);
        return List.copyOf(people);
    }

    /**
     * A mitigate or resolve breach pages the next level: the secondaries on call, or the managers
     * when the secondaries have been paged already or are on the case.
     */
    CaseFile page(CaseFile file, Instant now, List<CaseEvent> events, List<SlackEffect> effects) {
        Case c = file.details();
        Map<UserId, EscalationLevels.As> people = new LinkedHashMap<>();
        if (file.paging().step() < 1) {
            people.putAll(levels.secondaries(now));
            people.keySet().removeIf(file.members()::contains);   // already on the case: the next level is the managers
        }
        if (people.isEmpty()) {
            people.putAll(levels.managers());
            people.keySet().removeIf(file.members()::contains);   // paged before, or on the case
        }
        if (people.isEmpty()) return file;
        effects.add(new SlackEffect.InviteToChannel(c.id(), List.copyOf(people.keySet())));
        CaseFile after = file;
        PageSteps.Out out = new PageSteps.Out(events, effects);
        for (Map.Entry<UserId, EscalationLevels.As> person : people.entrySet()) {
            CaseEvent paged = CaseEvent.paged(c, now, person.getKey(), person.getValue().level(), person.getValue().rotation(), Optional.empty());
            events.add(paged);
            after = steps.onCall(after.withMember(person.getKey()), person.getKey(), person.getValue().level(), person.getValue().rotation(), now, out);
        }
        return after;
    }
}
