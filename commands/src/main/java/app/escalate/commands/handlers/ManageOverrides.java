package app.escalate.commands.handlers;

import app.escalate.commands.EscCommand;
import app.escalate.commands.Invocation;
import app.escalate.commands.Level;
import app.escalate.commands.Reply;
import app.escalate.commands.ShiftOverride;
import app.escalate.commands.UserId;
import app.escalate.commands.access.Permissions;
import app.escalate.commands.oncall.OnCall;
import app.escalate.commands.oncall.OverrideSpan;
import app.escalate.config.Policy;
import app.escalate.config.Rotation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code /esc override}: someone takes over a shift, or an override is removed. Overrides are kept
 * (with who set and who removed them) for audit.
 */
final class ManageOverrides {
    private final Policy policy;
    private final OnCall onCall;
    private final Permissions permissions;
    private final Clock clock;

    ManageOverrides(Policy policy, OnCall onCall, Permissions permissions, Clock clock) {
        this.policy = policy;
        this.onCall = onCall;
        this.permissions = permissions;
        this.clock = clock;
    }

    Reply set(EscCommand.SetOverride command, Invocation by) {
        Optional<Rotation> rotation = command.rotation().isPresent() ? policy.rotation(command.rotation().get())
                : policy.rotations().size() == 1 ? Optional.of(policy.rotations().get(0)) : Optional.empty();
        if (rotation.isEmpty()) {
            return new Reply.Refusal("Name the rotation, one of " + policy.rotations().stream().map(r -> "`" + r.id() + "`")
                    .collect(Collectors.joining(", ")) + (policy.rotations().isEmpty() ? "none: the policy has no rotations" : "") + ".");
        }
        UserId who = command.who();
        if (!OnCall.isMemberOf(rotation.get(), who) && !permissions.isResponder(who)) {
            return new Reply.Refusal("That person is not in the " + rotation.get().name() + " rotation or the `responders` group.");
        }
        if (!by.user().equals(who) && !permissions.isResponder(by.user())) {
            return new Reply.Refusal("You can take over a shift yourself; setting one for someone else is for the `responders` group.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<String> problem = OverrideSpan.problem(command.from(), command.until(), by.zone(), now, "override");
        if (problem.isPresent()) return new Reply.Refusal(problem.get());
        OverrideSpan span = OverrideSpan.of(command.from(), command.until(), by.zone());
        Instant from = span.from();
        Instant until = span.until();
        Level level = command.level().orElse(Level.PRIMARY);
        // The same override asked for again (typed twice, or its job run again after a crash) is the one already set.
        Optional<ShiftOverride> same = onCall.overrides().active(now).stream().filter(o -> o.rotation().equals(rotation.get().id())
                && o.level() == level && o.who().equals(who) && o.from().equals(from) && o.until().equals(until)).findFirst();
        if (same.isPresent()) return new Reply.OverrideSet(same.get(), rotation.get().name());
        ShiftOverride saved = onCall.overrides().add(new ShiftOverride(0, rotation.get().id(), level, who,
                from, until, by.user(), now));
        return new Reply.OverrideSet(saved, rotation.get().name());
    }

    /** Removes an override still to come; one in force ends now, so the part already served stays in the record. */
    Reply remove(EscCommand.RemoveOverride command, Invocation by) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<ShiftOverride> target = onCall.overrides().active(now).stream().filter(o -> o.id() == command.id()).findFirst();
        if (target.isEmpty()) return new Reply.Refusal("There is no override #" + command.id() + " in force or to come.");
        ShiftOverride o = target.get();
        if (!by.user().equals(o.by()) && !by.user().equals(o.who()) && !permissions.isResponder(by.user())) {
            return new Reply.Refusal("Only whoever set override #" + o.id() + ", the person on it, or the `responders` group can remove it.");
        }
        return onCall.overrides().remove(o.id(), by.user(), now)
                .<Reply>map(Reply.OverrideRemoved::new)
                .orElseGet(() -> new Reply.Refusal("Override #" + o.id() + " was just removed by someone else."));
    }
}
