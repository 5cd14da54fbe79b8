package app.escalate.commands.handlers;

import app.escalate.commands.CaseAction;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import app.escalate.commands.access.Permissions;
import app.escalate.config.Policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;

/** {@code /esc loop <group>}: invites a stakeholder group from the policy and briefs them on the case so far. */
final class LoopInGroup implements CaseChange<CaseAction.LoopIn> {
    private final Policy policy;
    private final Permissions permissions;

    LoopInGroup(Policy policy, Permissions permissions) {
        this.policy = policy;
        this.permissions = permissions;
    }

    @Override
    public Decision decide(CaseFile file, CaseAction.LoopIn action, UserId actor, Instant now) {
        var c = file.details();
        String group = action.group();
        if (!policy.groups().containsKey(group) || group.equals(Permissions.RESPONDERS)) {
            return Decisions.rejected("There is no stakeholder group `" + group + "`. Groups: " + policy.groups().keySet().stream()
                    .filter(g -> !g.equals(Permissions.RESPONDERS)).sorted().map(g -> "`" + g + "`")
                    .collect(Collectors.joining(", ")) + ".");
        }
        if (!c.isOpen()) return Decisions.reopenFirst(c);
        if (!permissions.maySteer(actor, c)) return Decisions.rejected(Permissions.onlySteerers("loop in a group"));
        if (file.stakeholders().contains(group)) return Decisions.rejected("`" + group + "` is already looped in on " + c.id() + ".");
        List<UserId> members = policy.group(group).stream().map(UserId::new).toList();
        CaseEvent event = new CaseEvent(c.id(), now, actor, new EventData.GroupLooped(group, members));
        List<SlackEffect> effects = new ArrayList<>();
        if (!members.isEmpty()) effects.add(new SlackEffect.InviteToChannel(c.id(), members));
        effects.add(new SlackEffect.BriefGroup(c.id(), group, members));
        effects.addAll(SlackEffect.forChange(c.id(), List.of(event)));
        return new Decision.Applied(file.withStakeholder(group, new HashSet<>(members)), List.of(event), effects);
    }
}
