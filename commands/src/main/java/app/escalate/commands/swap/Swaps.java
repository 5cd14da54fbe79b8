package app.escalate.commands.swap;

import app.escalate.commands.EscCommand;
import app.escalate.commands.Invocation;
import app.escalate.commands.Level;
import app.escalate.commands.Reply;
import app.escalate.commands.Shift;
import app.escalate.commands.ShiftOverride;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.SlackEffect.SwapNotice.Notice;
import app.escalate.commands.UserId;
import app.escalate.commands.handoff.HandoffWatch;
import app.escalate.commands.oncall.OnCall;
import app.escalate.commands.oncall.OverrideSpan;
import app.escalate.commands.oncall.Schedule;
import app.escalate.config.Layer;
import app.escalate.config.Policy;
import app.escalate.config.Rotation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code /esc swap}, the Cover button and the sweep that reminds and expires requests. Whoever
 * presses Cover is checked against the stored request, never against what the button says: the
 * button's value only names which request.
 */
public final class Swaps {
    /** A request is reminded at the latest this long before its span starts (or halfway there, when that is sooner). */
    public static final Duration REMIND_BEFORE = Duration.ofHours(12);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Policy policy;
    private final OnCall onCall;
    private final SwapStore store;
    private final Clock clock;

    public Swaps(Policy policy, OnCall onCall, SwapStore store, Clock clock) {
        this.policy = policy;
        this.onCall = onCall;
        this.store = store;
        this.clock = clock;
    }

    /** Records the request and sends it, or says why not (the asker holds no such shift, nobody could cover it). */
    public Reply ask(EscCommand.Swap command, Invocation by) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<String> problem = OverrideSpan.problem(command.from(), command.until(), by.zone(), now, "swap");
        if (problem.isPresent()) return new Reply.Refusal(problem.get());
        OverrideSpan span = OverrideSpan.of(command.from(), command.until(), by.zone());
        Level level = command.level().orElse(Level.PRIMARY);
        List<Schedule> schedules = onCall.schedules(now);
        Optional<Schedule> held = schedules.stream().filter(s -> holds(s, by.user(), level, span)).findFirst();
        if (held.isEmpty()) return new Reply.Refusal(notHeld(schedules, by.user(), level, span, command, by.zone()));
        // Cover becomes an override of the whole span: it may hand over only hours that are the asker's own.
        if (!holdsAll(held.get(), by.user(), level, span)) {
            return new Reply.Refusal("You hold " + level.label() + " in " + held.get().rotation().name() + " for only part of that span;"
                    + " a swap hands over your own hours only: ask for the hours you hold (`/esc oncall` shows them).");
        }
        Rotation rotation = held.get().rotation();
        Set<UserId> eligible = eligible(rotation, level);
        eligible.remove(by.user());
        if (command.with().isPresent() && !eligible.contains(command.with().get())) {
            return new Reply.Refusal(command.with().get().equals(by.user()) ? "Ask someone other than yourself to cover it."
                    : "That person takes no " + level.label() + " turns in " + rotation.name() + ", so they cannot cover it; ask one who does,"
                    + " or leave out `with` to ask them all.");
        }
        if (eligible.isEmpty()) {
            return new Reply.Refusal("Nobody else takes " + level.label() + " turns in " + rotation.name() + ", so nobody can cover it.");
        }
        String channel = HandoffWatch.channelOf(policy, rotation);
        String to = command.with().map(UserId::value).orElse(channel);
        Instant remindAt = remindAt(now, span.from());
        SwapRequest saved = store.open(new SwapRequest(0, rotation.id(), level, by.user(), command.with(), span.from(), span.until(),
                        SwapRequest.State.OPEN, Optional.empty(), Optional.empty(), now, remindAt, Optional.empty(), Optional.empty(), Optional.empty()),
                id -> List.of(new SlackEffect.SwapNotice(id, Notice.REQUEST, to)));
        return new Reply.SwapAsked(saved.id(), rotation.name(), level, saved.from(), saved.until(), saved.askedOf(), channel);
    }

    /**
     * When an unanswered request is reminded: halfway from the request to the span's start, or
     * {@link #REMIND_BEFORE} before the start when that is sooner and still after the request.
     */
    public static Instant remindAt(Instant asked, Instant starts) {
        Instant halfway = asked.plus(Duration.between(asked, starts).dividedBy(2));
        Instant before = starts.minus(REMIND_BEFORE);
        return before.isAfter(asked) && before.isBefore(halfway) ? before : halfway;
    }

    /**
     * A press of Cover on the message at {@code channel}/{@code ts} by {@code by}: the first eligible
     * person takes the span as an override. Empty when there is no request {@code id}.
     */
    public Optional<SwapDecision> cover(long id, UserId by, Optional<String> channel, Optional<String> ts) {
        return store.change(id, request -> decideCover(request, by, channel, ts, clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    }

    SwapDecision decideCover(SwapRequest r, UserId by, Optional<String> channel, Optional<String> ts, Instant now) {
        // The value names a request; the message clicked must be the one that request was posted as.
        boolean itsMessage = r.message().isPresent() && channel.equals(Optional.of(r.message().get().channel()))
                && ts.equals(Optional.of(r.message().get().ts()));
        if (!itsMessage) return new SwapDecision.Rejected("That button is not on this swap request; press Cover on the request itself.");
        if (r.state() == SwapRequest.State.COVERED) {
            return new SwapDecision.Rejected(r.coverer().equals(Optional.of(by)) ? "You already cover this shift."
                    : "Too late: " + mention(r.coverer().orElseThrow()) + " already covers this shift.");
        }
        if (r.state() != SwapRequest.State.OPEN || !now.isBefore(r.from())) {
            return new SwapDecision.Rejected("This swap request has " + (r.state() == SwapRequest.State.CANCELLED ? "been cancelled." : "expired: the shift has begun."));
        }
        if (r.requester().equals(by)) return new SwapDecision.Rejected("You asked for this cover; someone else has to press Cover.");
        if (r.askedOf().isPresent() && !r.askedOf().get().equals(by)) {
            return new SwapDecision.Rejected("This swap request was sent to " + mention(r.askedOf().get()) + " only.");
        }
        Optional<Rotation> rotation = policy.rotation(r.rotation());
        if (rotation.isEmpty() || !eligible(rotation.get(), r.level()).contains(by)) {
            return new SwapDecision.Rejected("Only people who take " + r.level().label() + " turns in "
                    + rotation.map(Rotation::name).orElse(r.rotation()) + " can cover it.");
        }
        // Exactly what `/esc override @them <from> <to> <level>` typed by the coverer would record.
        ShiftOverride override = new ShiftOverride(0, r.rotation(), r.level(), by, r.from(), r.until(), by, now);
        return new SwapDecision.Applied(r.covered(by, now), Optional.of(override), List.of(
                new SlackEffect.SwapNotice(r.id(), Notice.UPDATE, target(r)),
                new SlackEffect.SwapNotice(r.id(), Notice.COVERED, r.requester().value()),
                new SlackEffect.SwapNotice(r.id(), Notice.COVERER, by.value())));
    }

    /** {@code /esc swap cancel <n>}: only its requester, only while nobody has covered it; the request is redrawn without its button. */
    public Reply cancel(EscCommand.CancelSwap command, Invocation by) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<SwapDecision> decision = store.change(command.id(), r -> decideCancel(r, by.user(), now));
        if (decision.isEmpty()) return new Reply.Refusal("There is no swap request #" + command.id() + ".");
        return decision.get() instanceof SwapDecision.Rejected rejected ? new Reply.Refusal(rejected.reason())
                : new Reply.SwapCancelled(command.id());
    }

    SwapDecision decideCancel(SwapRequest r, UserId by, Instant now) {
        if (!r.requester().equals(by)) return new SwapDecision.Rejected("Only whoever asked can cancel swap request #" + r.id() + ".");
        return switch (r.state()) {
            case COVERED -> new SwapDecision.Rejected("Swap request #" + r.id() + " is covered already; the override it became (#"
                    + r.overrideId().map(String::valueOf).orElse("?") + ") is its coverer's to give back with `/esc override remove`.");
            case EXPIRED, CANCELLED -> new SwapDecision.Rejected("Swap request #" + r.id() + " is " + r.state().name().toLowerCase(java.util.Locale.ROOT)
                    + " already.");
            case OPEN -> new SwapDecision.Applied(r.cancelled(now), Optional.empty(), List.of(new SlackEffect.SwapNotice(r.id(), Notice.UPDATE, target(r))));
        };
    }

    /** Reminds open requests whose time has come, once, and expires those whose span has begun; how many changed. */
    public int sweep() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int changed = 0;
        for (SwapRequest due : store.due(now)) {
            Optional<SwapDecision> decision = store.change(due.id(), r -> decideSweep(r, now));
            if (decision.isPresent() && decision.get() instanceof SwapDecision.Applied) changed++;
        }
        return changed;
    }

    SwapDecision decideSweep(SwapRequest r, Instant now) {
        if (r.state() != SwapRequest.State.OPEN) return new SwapDecision.Rejected("settled already");
        if (!now.isBefore(r.from())) {
            return new SwapDecision.Applied(r.expired(now), Optional.empty(), List.of(
                    new SlackEffect.SwapNotice(r.id(), Notice.UPDATE, target(r)),
                    new SlackEffect.SwapNotice(r.id(), Notice.EXPIRED, r.requester().value())));
        }
        if (r.remindedAt().isEmpty() && !now.isBefore(r.remindAt())) {
            return new SwapDecision.Applied(r.reminded(now), Optional.empty(), List.of(new SlackEffect.SwapNotice(r.id(), Notice.REMINDER, target(r))));
        }
        return new SwapDecision.Rejected("nothing due");
    }

    /** Who may cover {@code level} of {@code rotation}: its layers' members at that level and its weekend people at that level. */
    public static Set<UserId> eligible(Rotation rotation, Level level) {
        List<Layer> layers = level == Level.PRIMARY ? rotation.primary() : rotation.secondary();
        Stream<String> weekend = rotation.weekend() == null ? Stream.empty()
                : (level == Level.PRIMARY ? rotation.weekend().primary() : rotation.weekend().secondary()).stream();
        return Stream.concat(layers.stream().flatMap(l -> l.members().stream()), weekend).map(UserId::new)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private String target(SwapRequest r) {
        return r.askedOf().map(UserId::value)
                .orElseGet(() -> policy.rotation(r.rotation()).map(rot -> HandoffWatch.channelOf(policy, rot)).orElse(policy.workspace().teamChannel()));
    }

    /** Whether {@code user}'s own shifts at {@code level} fill the whole span, without a gap. */
    private static boolean holdsAll(Schedule schedule, UserId user, Level level, OverrideSpan span) {
        java.time.Duration held = java.time.Duration.ZERO;
        for (Shift s : schedule.shifts(level, span.from(), span.until())) {
            if (!s.who().equals(user)) continue;
            Instant from = s.from().isAfter(span.from()) ? s.from() : span.from();
            Instant until = s.until().isBefore(span.until()) ? s.until() : span.until();
            if (until.isAfter(from)) held = held.plus(java.time.Duration.between(from, until));
        }
        return held.equals(java.time.Duration.between(span.from(), span.until()));
    }

    private static boolean holds(Schedule schedule, UserId user, Level level, OverrideSpan span) {
        return schedule.shifts(level, span.from(), span.until()).stream().anyMatch(s -> s.who().equals(user));
    }

    /** "You hold no primary shift …; then you hold secondary in Escalations on-call." */
    private static String notHeld(List<Schedule> schedules, UserId user, Level level, OverrideSpan span, EscCommand.Swap command, ZoneId zone) {
        List<String> holding = new ArrayList<>();
        for (Schedule s : schedules) {
            for (Level other : Level.values()) {
                if (holds(s, user, other, span)) holding.add(other.label() + " in " + s.rotation().name());
            }
        }
        String when = LOCAL.format(command.from()) + " to " + LOCAL.format(command.until()) + " (" + zone + ")";
        return "You hold no " + level.label() + " shift from " + when + ", so there is none of yours to swap; "
                + (holding.isEmpty() ? "you are on no rotation's call then." : "then you hold " + String.join(" and ", holding)
                + ".");
    }

    private static String mention(UserId user) {
        return "<@" + user.value() + ">";
    }
}
