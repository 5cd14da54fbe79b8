package app.escalate.commands.handoff;

import app.escalate.commands.EscCommand;
import app.escalate.commands.Handoff;
import app.escalate.commands.HandoffDigest;
import app.escalate.commands.Invocation;
import app.escalate.commands.Level;
import app.escalate.commands.Reply;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import app.escalate.commands.access.Permissions;
import app.escalate.commands.oncall.Handover;
import app.escalate.commands.oncall.OnCall;
import app.escalate.commands.oncall.Schedule;
import app.escalate.config.Policy;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** {@code /esc handoff}, {@code /esc handoff note} and the digest's Accept button. */
public final class HandoffCommands {
    public static final int HISTORY = 10;
    private final HandoffStore handoffs;
    private final HandoffDigests digests;
    private final Policy policy;
    private final OnCall onCall;
    private final Clock clock;

    public HandoffCommands(HandoffStore handoffs, HandoffDigests digests, Policy policy, OnCall onCall, Clock clock) {
        this.handoffs = handoffs;
        this.digests = digests;
        this.policy = policy;
        this.onCall = onCall;
        this.clock = clock;
    }

    /** The digest the next handover of the rotation would carry if it happened now, as the asker may see it. */
    public Reply show(EscCommand.ShowHandoff command, Invocation by) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<Schedule> schedule = command.rotation().isPresent()
                ? onCall.schedule(command.rotation().get(), now) : scheduleOf(by.user(), now);
        if (schedule.isEmpty()) {
            return new Reply.Refusal(command.rotation().map(r -> "There is no rotation `" + r + "`; the rotations are "
                    + rotationIds() + ".").orElse("The policy has no rotations, so there are no handoffs."));
        }
        Optional<Handover> next = schedule.get().handovers(now, now.plus(Schedule.HORIZON)).stream().findFirst();
        if (next.isEmpty()) {
            return new Reply.Refusal("Nobody takes over " + schedule.get().rotation().name() + " in the next "
                    + Schedule.HORIZON.toDays() + " days, so there is no handoff to show.");
        }
        Handover h = next.get();
        // As of now: the outgoing shift is the one in force, whatever it was when the handover was computed.
        Handover asOfNow = new Handover(h.at(), schedule.get().at(Level.PRIMARY, now).or(h::outgoing), h.incoming(), h.weekend());
        HandoffDigest.Header header = digests.header(schedule.get(), asOfNow, false);
        return new Reply.HandoffPreview(digests.build(header, digests.facts(header, now), HandoffDigests.forReader(by.user()), now));
    }

    /** The last {@link #HISTORY} handoffs of the rotation, for anyone auditing who held the pager when. */
    public Reply history(EscCommand.HandoffHistory command, Invocation by) {
        Instant now = clock.instant();
        Optional<Schedule> schedule = command.rotation().isPresent()
                ? onCall.schedule(command.rotation().get(), now) : scheduleOf(by.user(), now);
        if (schedule.isEmpty()) {
            return new Reply.Refusal(command.rotation().map(r -> "There is no rotation `" + r + "`; the rotations are "
                    + rotationIds() + ".").orElse("The policy has no rotations, so there are no handoffs."));
        }
        return new Reply.HandoffHistory(schedule.get().rotation().name(), handoffs.recent(schedule.get().rotation().id(), HISTORY));
    }

    /**
     * Keeps the note for the next digest of the rotation the author is on call for (or belongs to).
     * Only people on a rotation, on call now, or in {@code responders} leave notes: the digest is what
     * the incoming person must accept, so nobody else may write into it.
     */
    public Reply note(EscCommand.HandoffNote command, Invocation by) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        boolean onRotation = policy.rotations().stream().anyMatch(r -> OnCall.isMemberOf(r, by.user()));
        if (!onRotation && !onCall.isOnCall(by.user(), now) && !policy.group(Permissions.RESPONDERS).contains(by.user().value())) {
            return new Reply.Refusal("Handoff notes are for the people on a rotation and the `" + Permissions.RESPONDERS
                    + "` group. To tell the on-call something, add a note to the case (`/esc note …`).");
        }
        Optional<Schedule> schedule = scheduleOf(by.user(), now);
        handoffs.addNote(new HandoffNote(schedule.map(s -> s.rotation().id()), by.user(), command.text(), now));
        Optional<Handover> next = schedule.flatMap(s -> s.handovers(now, now.plus(Schedule.HORIZON)).stream().findFirst());
        return new Reply.HandoffNoted(schedule.map(s -> s.rotation().name()), next.map(h -> h.incoming().who()), next.map(Handover::at));
    }

    /** The Accept button: only the incoming person, only while the handoff is pending. */
    public Optional<HandoffDecision> accept(long id, UserId by, String responseUrl) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return handoffs.change(id, h -> {
            if (!h.incoming().equals(by)) {
                return new HandoffDecision.Rejected("Only the incoming on-call named in this handoff can accept it.");
            }
            return switch (h.status()) {
                case ACCEPTED -> new HandoffDecision.Rejected("You already accepted this handoff.");
                case SUPERSEDED, MISSED -> new HandoffDecision.Rejected("A later handoff has replaced this one; accept the newest digest.");
                case PENDING -> new HandoffDecision.Applied(h.accepted(by, now),
                        List.of(new HandoffEvent(h.id(), now, Optional.of(by), HandoffEvent.Kind.ACCEPTED, "accepted")),
                        List.of(new SlackEffect.HandoffNotice(h.id(), SlackEffect.HandoffNotice.Notice.ACCEPTED,
                                        policy.rotation(h.rotation()).map(r -> HandoffWatch.channelOf(policy, r)).orElse(policy.workspace().teamChannel())),
                                new SlackEffect.Respond(by, responseUrl, "Handoff accepted: you have the pager. The team channel knows.")));
            };
        });
    }

    /** Handoffs of {@code rotation} still waiting for their incoming person. */
    public List<Handoff> pending(String rotation) {
        return handoffs.pending().stream().filter(h -> h.rotation().equals(rotation)).toList();
    }

    /** The rotation the user is on call for now, else one they take turns in, else the first. */
    private Optional<Schedule> scheduleOf(UserId user, Instant now) {
        List<Schedule> all = onCall.schedules(now);
        return all.stream().filter(s -> s.isOnCall(user, now)).findFirst()
                .or(() -> all.stream().filter(s -> OnCall.isMemberOf(s.rotation(), user)).findFirst())
                .or(() -> all.stream().findFirst());
    }

    private String rotationIds() {
        return String.join(", ", policy.rotations().stream().map(r -> "`" + r.id() + "`").toList());
    }
}
