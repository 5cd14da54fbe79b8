package app.escalate.commands.handoff;

import app.escalate.commands.ClockJumps;
import app.escalate.commands.Handoff;
import app.escalate.commands.HandoffDigest;
import app.escalate.commands.Level;
import app.escalate.commands.Shift;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.SlackText;
import app.escalate.commands.UserId;
import app.escalate.commands.oncall.Handover;
import app.escalate.commands.oncall.OnCall;
import app.escalate.commands.oncall.Schedule;
import app.escalate.config.HandoffPolicy;
import app.escalate.config.Policy;
import app.escalate.config.Rotation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The handoff sweep, run every few seconds by the scheduler: posts each rotation's handovers that
 * have come due since the last sweep (only the newest when the bot was down through several; the
 * others are recorded as missed), and chases pending ones: a reminder to the incoming person,
 * then the secondary and the managers.
 */
public final class HandoffWatch {
    /** A digest posted later than this after its handover says it is late. */
    public static final Duration LATE_AFTER = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(HandoffWatch.class);

    private final HandoffStore handoffs;
    private final HandoffDigests digests;
    private final Policy policy;
    private final OnCall onCall;
    private final Clock clock;
    private final ClockJumps jumps;

    public HandoffWatch(HandoffStore handoffs, HandoffDigests digests, Policy policy, OnCall onCall, Clock clock) {
        this(handoffs, digests, policy, onCall, clock, ClockJumps.NONE);
    }

    /** With {@code jumps}: a handover the clock jumped over is posted as due, not late, and was not missed while down. */
    public HandoffWatch(HandoffStore handoffs, HandoffDigests digests, Policy policy, OnCall onCall, Clock clock, ClockJumps jumps) {
        this.jumps = jumps;
        this.handoffs = handoffs;
        this.digests = digests;
        this.policy = policy;
        this.onCall = onCall;
        this.clock = clock;
    }

    /** One sweep; the number of handoffs posted, reminded or escalated (so the caller wakes the outbox worker). */
    public int sweep() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int acted = 0;
        // One rotation or handoff that fails (bad data, a database hiccup) must not stop the others.
        for (Schedule schedule : onCall.schedules(now)) {
            try {
                acted += post(schedule, now);
            } catch (RuntimeException e) {
                log.warn("handoff sweep: rotation {} failed, will retry: {}", schedule.rotation().id(), e.toString());
            }
        }
        for (Handoff h : handoffs.pending()) {
            try {
                acted += chase(h, now);
            } catch (RuntimeException e) {
                log.warn("handoff sweep: handoff {} failed, will retry: {}", h.id(), e.toString());
            }
        }
        return acted;
    }

    private int post(Schedule schedule, Instant now) {
        String rotation = schedule.rotation().id();
        Optional<Instant> seen = handoffs.checkedUntil(rotation);
        // The first sweep ever only sets the mark: a new install owes nobody a late digest.
        Instant from = seen.filter(s -> s.isAfter(now.minus(Schedule.HORIZON))).orElse(now.minus(Schedule.HORIZON));
        List<Handover> due = seen.isEmpty() || !now.isAfter(seen.get()) ? List.of() : schedule.handovers(from, now);
        if (due.isEmpty() && seen.isPresent()) due = unrecorded(schedule, now).map(List::of).orElse(List.of());
        List<NewHandoff> records = new ArrayList<>();
        for (int i = 0; i < due.size(); i++) {
            records.add(i == due.size() - 1 ? posted(schedule, due.get(i), now) : missed(rotation, due.get(i), late(due.get(i), now)));
        }
        Instant mark = seen.filter(now::isBefore).orElse(now);
        return handoffs.record(rotation, seen, mark, records) && !due.isEmpty() ? 1 : 0;
    }

    /**
     * A change of primary the boundaries since the mark do not show: an override set to start a
     * few minutes back, one removed on a replica whose clock is behind, or a policy changed across
     * a restart. Whoever holds primary now and is not the last handoff's incoming person gets one.
     */
    private Optional<Handover> unrecorded(Schedule schedule, Instant now) {
        Optional<Handoff> latest = handoffs.latest(schedule.rotation().id());
        Optional<Shift> current = schedule.at(Level.PRIMARY, now);
        if (latest.isEmpty() || current.isEmpty() || current.get().who().equals(latest.get().incoming())) return Optional.empty();
        Handoff last = latest.get();
        Instant at = current.get().from().isAfter(last.dueAt()) ? current.get().from() : last.dueAt().plusMillis(1);
        Shift incoming = new Shift(Level.PRIMARY, current.get().who(), at, current.get().until(), current.get().source());
        return Optional.of(new Handover(at, Optional.of(new Shift(Level.PRIMARY, last.incoming(), last.dueAt(), at, "handoff")), incoming,
                current.get().source().equals("weekend")));
    }

    /** Posted well after it was due, by the time that really passed: a jump of the clock over it is not lateness. */
    private boolean late(Handover handover, Instant now) {
        return jumps.lived(handover.at(), now).compareTo(LATE_AFTER) > 0;
    }

    private NewHandoff posted(Schedule schedule, Handover handover, Instant now) {
        boolean late = late(handover, now);
        HandoffDigest.Header header = digests.header(schedule, handover, late);
        DigestBuilder.Facts facts = digests.facts(header, now);
        UserId incoming = handover.incoming().who();
        HandoffDigest team = digests.build(header, facts, HandoffDigests.forTeam(), now);
        HandoffDigest theirs = digests.build(header, facts, HandoffDigests.forReader(incoming), now);
        String channel = channelOf(schedule.rotation());
        return new NewHandoff(schedule.rotation().id(), handover.at(), handover.outgoing().map(Shift::who), incoming,
                handover.weekend(), late, Handoff.Status.PENDING, Optional.of(team), Optional.of(theirs),
                id -> List.of(new SlackEffect.PostHandoff(id, channel, false), new SlackEffect.PostHandoff(id, incoming.value(), true)));
    }

    /** Overtaken by a later handover before it was posted: while the bot was down ({@code late}), or in a jump of the clock. */
    private static NewHandoff missed(String rotation, Handover handover, boolean late) {
        return new NewHandoff(rotation, handover.at(), handover.outgoing().map(Shift::who), handover.incoming().who(),
                handover.weekend(), late, Handoff.Status.MISSED, Optional.empty(), Optional.empty(), id -> List.of());
    }

    /** Where a rotation's digests and handoff notices go: its own channel, else the team channel. */
    public static String channelOf(Policy policy, Rotation rotation) {
        return rotation.handoff().ownChannel().orElse(policy.workspace().teamChannel());
    }

    private String channelOf(Rotation rotation) {
        return channelOf(policy, rotation);
    }

    private int chase(Handoff pending, Instant now) {
        Optional<Rotation> rotation = policy.rotation(pending.rotation());
        if (rotation.isEmpty()) return apply(pending.id(), h -> close(h, now)); // the policy no longer has it
        HandoffPolicy rules = rotation.get().handoff();
        int acted = 0;
        if (pending.remindedAt().isEmpty() && !now.isBefore(pending.postedAt().plus(rules.remindAfter()))) {
            acted += apply(pending.id(), h -> remind(h, now));
        }
        if (pending.escalatedAt().isEmpty() && !now.isBefore(pending.postedAt().plus(rules.escalateAfter()))) {
            acted += apply(pending.id(), h -> escalate(h, rotation.get(), now));
        }
        return acted;
    }

    private int apply(long id, java.util.function.Function<Handoff, HandoffDecision> decide) {
        return handoffs.change(id, decide).filter(d -> d instanceof HandoffDecision.Applied).isPresent() ? 1 : 0;
    }

    private static HandoffDecision close(Handoff h, Instant now) {
        if (!h.isPending()) return new HandoffDecision.Rejected("no longer pending");
        return new HandoffDecision.Applied(h.superseded(), List.of(new HandoffEvent(h.id(), now, Optional.empty(),
                HandoffEvent.Kind.SUPERSEDED, "the rotation is no longer in the policy")), List.of());
    }

    private static HandoffDecision remind(Handoff h, Instant now) {
        if (!h.isPending() || h.remindedAt().isPresent()) return new HandoffDecision.Rejected("no longer due");
        return new HandoffDecision.Applied(h.reminded(now),
                List.of(new HandoffEvent(h.id(), now, Optional.empty(), HandoffEvent.Kind.REMINDED, "reminded " + h.incoming().value())),
                List.of(new SlackEffect.HandoffNotice(h.id(), SlackEffect.HandoffNotice.Notice.REMINDER, h.incoming().value())));
    }

    /** Tells the secondary on call now and the managers by DM, and the handoff channel, that nobody has taken the pager. */
    private HandoffDecision escalate(Handoff h, Rotation rotation, Instant now) {
        if (!h.isPending() || h.escalatedAt().isPresent()) return new HandoffDecision.Rejected("no longer due");
        Set<String> told = new LinkedHashSet<>();
        onCall.schedule(rotation.id(), now).flatMap(s -> s.holder(Level.SECONDARY, now))
                .filter(u -> !u.equals(h.incoming())).ifPresent(u -> told.add(u.value()));
        if (rotation.managers() != null) told.addAll(policy.group(rotation.managers()));
        told.remove(h.incoming().value());
        List<SlackEffect> effects = new ArrayList<>();
        told.forEach(u -> effects.add(new SlackEffect.HandoffNotice(h.id(), SlackEffect.HandoffNotice.Notice.ESCALATION, u)));
        effects.add(new SlackEffect.HandoffNotice(h.id(), SlackEffect.HandoffNotice.Notice.ESCALATION, channelOf(rotation)));
        return new HandoffDecision.Applied(h.escalated(now),
                List.of(new HandoffEvent(h.id(), now, Optional.empty(), HandoffEvent.Kind.ESCALATED,
                        SlackText.clip(told.isEmpty() ? "told the channel" : "told " + String.join(", ", told) + " and the channel",
                                HandoffEvent.MAX_DETAIL))),
                effects);
    }
}
