package app.escalate.bot.sandbox;

import app.escalate.config.Policy;
import app.escalate.config.Rotation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The first message in the sandbox's team channel: who is who in the policy (the people of each
 * rotation and each group) and three things to try, so a newcomer needs not read the policy file.
 */
final class SandboxWelcome {
    private SandboxWelcome() {
    }

    static String text(Policy policy) {
        StringBuilder text = new StringBuilder(":wave: *Welcome to the Escalate sandbox*, a workspace of its own: nothing here reaches Slack."
                + " Pick who you are at the top left; what you see and may do follows.\n*Who is who*\n");
        for (Rotation r : policy.rotations()) {
            Set<String> people = new LinkedHashSet<>();
            r.primary().forEach(layer -> people.addAll(layer.members()));
            text.append("• ").append(r.name()).append(" (primary, follow the sun): ").append(mentions(List.copyOf(people)))
                    .append(". `/esc oncall` says who holds it now.\n");
        }
        policy.groups().forEach((group, members) -> text.append("• `").append(group).append("`: ").append(mentions(members)).append('\n'));
        return text.append("*Try*\n")
                .append("1. Here: `/esc open Deepfake of the CEO on a livestream sev1`. A channel opens with the case card pinned.\n")
                .append("2. Be the person on call: their page is in their direct messages. Press *Acknowledge* on the card.\n")
                .append("3. In the case channel: `/esc owner @maria`, `/esc summary`, then move the clock with *+1 hour*.")
                .toString();
    }

    private static String mentions(List<String> ids) {
        return ids.stream().map(id -> "<@" + id + ">").collect(Collectors.joining(", "));
    }
}
