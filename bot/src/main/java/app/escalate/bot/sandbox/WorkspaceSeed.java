package app.escalate.bot.sandbox;

import app.escalate.config.Policy;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a workspace that installed Escalate has before the bot does anything: the people its
 * policy names, and the channels the policy posts to (team, leadership, a rotation's own handoff
 * channel) with the bot invited to each, as the README asks of whoever installs it.
 */
public final class WorkspaceSeed {
    private WorkspaceSeed() {
    }

    /**
     * Seeds {@code w} from {@code policy}; the team channel gets the id {@code teamChannelId} when
     * given (the tests type their commands in {@code C0TEAM}), else a new one.
     */
    public static Workspace seed(Workspace w, Policy policy, Optional<String> teamChannelId) {
        Set<String> people = people(policy);
        people.forEach(id -> w.addPerson(id, displayName(id), "UTC"));
        String team = channel(w, policy.workspace().teamChannel(), teamChannelId);
        w.addMember(team, Workspace.BOT_USER);
        people.forEach(id -> w.addMember(team, id));   // the team types its commands there
        String leadership = channel(w, policy.workspace().leadershipChannel(), Optional.empty());
        w.addMember(leadership, Workspace.BOT_USER);
        policy.group("leadership").forEach(id -> w.addMember(leadership, id));
        policy.rotations().forEach(r -> r.handoff().ownChannel().ifPresent(name -> w.addMember(channel(w, name, Optional.empty()),
                Workspace.BOT_USER)));
        return w;
    }

    /** Everyone the policy names: its groups, its rotations' people, and the owners of its runbooks, prompts and routing rules. */
    static Set<String> people(Policy policy) {
        Set<String> people = new LinkedHashSet<>();
        policy.groups().values().forEach(people::addAll);
        policy.rotations().forEach(r -> {
            r.primary().forEach(l -> people.addAll(l.members()));
            r.secondary().forEach(l -> people.addAll(l.members()));
            if (r.weekend() != null) {
                people.addAll(r.weekend().primary());
                people.addAll(r.weekend().secondary());
            }
        });
        policy.caseTypes().forEach(t -> t.tree().ifPresent(tree -> people.add(tree.owner())));
        policy.prompts().values().forEach(review -> people.add(review.owner()));
        if (policy.triage() != null) policy.triage().rules().forEach(rule -> people.add(rule.owner()));
        people.remove(null);
        return people;
    }

    /** {@code U0ESCMARIA} reads as "Maria"; other ids stay as they are. */
    static String displayName(String id) {
        String name = id.startsWith("U0ESC") && id.length() > 5 ? id.substring(5) : id;
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    /** The channel the policy names by name or by id, made public if the workspace does not have it yet; its id. */
    private static String channel(Workspace w, String nameOrId, Optional<String> id) {
        Optional<Workspace.Channel> known = w.channel(nameOrId);
        if (known.isPresent()) return known.get().id();
        if (nameOrId.matches("[CG][A-Z0-9]+")) return w.addChannel(nameOrId, nameOrId.toLowerCase(Locale.ROOT), false).id();
        return id.map(given -> w.addChannel(given, nameOrId, false)).orElseGet(() -> w.addChannel(nameOrId)).id();
    }
}
