package app.escalate.commands.handoff;

import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseStore;
import app.escalate.commands.HandoffDigest;
import app.escalate.commands.Level;
import app.escalate.commands.Shift;
import app.escalate.commands.UserId;
import app.escalate.commands.oncall.Handover;
import app.escalate.commands.oncall.Schedule;
import app.escalate.config.Policy;
import app.escalate.config.Rotation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/** Loads what a handover's digest is built from (once), and builds it for the team or for one reader. */
public final class HandoffDigests {
    /** How far back "what changed during the shift" looks when the outgoing shift has no known start. */
    static final Duration DEFAULT_SHIFT = Duration.ofHours(12);

    private final CaseStore cases;
    private final HandoffStore handoffs;
    private final Policy policy;
    private final DigestBuilder builder;

    public HandoffDigests(CaseStore cases, HandoffStore handoffs, Policy policy) {
        this.cases = cases;
        this.handoffs = handoffs;
        this.policy = policy;
        this.builder = new DigestBuilder(policy);
    }

    public HandoffDigest.Header header(Schedule schedule, Handover handover, boolean late) {
        Rotation r = schedule.rotation();
        Instant shiftFrom = handover.outgoing().map(Shift::from).filter(from -> from.isBefore(handover.at()))
                .orElse(handover.at().minus(DEFAULT_SHIFT));
        return new HandoffDigest.Header(r.id(), r.name(), handover.outgoing().map(Shift::who), handover.incoming().who(),
                handover.at(), shiftFrom, late, handover.weekend(),
                handover.weekend() ? schedule.holder(Level.SECONDARY, handover.at()) : java.util.Optional.empty(),
                handover.weekend() && r.managers() != null ? policy.group(r.managers()).stream().map(UserId::new).toList() : List.of(),
                java.util.Optional.of(handover.incoming().until()));
    }

    /** The open cases, the shift's changes and notes up to {@code now}. */
    public DigestBuilder.Facts facts(HandoffDigest.Header header, Instant now) {
        Instant until = now.isAfter(header.dueAt()) ? now : header.dueAt();
        return new DigestBuilder.Facts(cases.openFiles(), cases.events(header.shiftFrom(), until, DigestBuilder.CHANGE_KINDS),
                cases::file, handoffs.notes(header.rotation(), header.shiftFrom(), until));
    }

    public HandoffDigest build(HandoffDigest.Header header, DigestBuilder.Facts facts, Predicate<CaseFile> visible, Instant now) {
        return builder.build(header, facts, visible, now);
    }

    /** The team channel sees no restricted case; a person sees the ones they are a member of. */
    public static Predicate<CaseFile> forTeam() {
        return f -> !f.details().restricted();
    }

    public static Predicate<CaseFile> forReader(UserId reader) {
        return f -> f.visibleTo(reader);
    }
}
