package app.escalate.commands;

import app.escalate.commands.handoff.HandoffDecision;
import app.escalate.commands.handoff.HandoffEvent;
import app.escalate.commands.handoff.HandoffNote;
import app.escalate.commands.handoff.HandoffStore;
import app.escalate.commands.handoff.NewHandoff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** A map-backed {@link HandoffStore} so handler tests need no database. */
public final class InMemoryHandoffStore implements HandoffStore {
    public final Map<Long, Handoff> handoffs = new HashMap<>();
    public final Map<Long, HandoffDigest> teamDigests = new HashMap<>();
    public final Map<Long, HandoffDigest> incomingDigests = new HashMap<>();
    public final List<HandoffEvent> events = new ArrayList<>();
    public final List<SlackEffect> effects = new ArrayList<>();
    public final List<HandoffNote> notes = new ArrayList<>();
    private final Map<String, Instant> marks = new HashMap<>();

    @Override
    public synchronized Optional<Instant> checkedUntil(String rotation) {
        return Optional.ofNullable(marks.get(rotation));
    }

    @Override
    public synchronized boolean record(String rotation, Optional<Instant> seen, Instant until, List<NewHandoff> news) {
        if (!Optional.ofNullable(marks.get(rotation)).equals(seen)) return false;
        marks.put(rotation, until);
        for (NewHandoff n : news) {
            if (handoffs.values().stream().anyMatch(h -> h.rotation().equals(rotation) && h.dueAt().equals(n.dueAt()))) continue;
            if (n.status() == Handoff.Status.PENDING) {
                for (Handoff h : List.copyOf(handoffs.values())) {
                    if (h.rotation().equals(rotation) && h.isPending()) {
                        handoffs.put(h.id(), withStatus(h, Handoff.Status.SUPERSEDED));
                        events.add(new HandoffEvent(h.id(), until, Optional.empty(), HandoffEvent.Kind.SUPERSEDED, "superseded"));
                    }
                }
            }
            long id = handoffs.size() + 1;
            handoffs.put(id, new Handoff(id, rotation, n.dueAt(), until, n.outgoing(), n.incoming(), n.weekend(), n.late(), n.status(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
            n.teamDigest().ifPresent(d -> teamDigests.put(id, d));
            n.incomingDigest().ifPresent(d -> incomingDigests.put(id, d));
            events.add(new HandoffEvent(id, until, Optional.empty(),
                    n.status() == Handoff.Status.MISSED ? HandoffEvent.Kind.MISSED : HandoffEvent.Kind.POSTED, n.late() ? "late" : "on time"));
            effects.addAll(n.effects().apply(id));
        }
        return true;
    }

    private static Handoff withStatus(Handoff h, Handoff.Status status) {
        return new Handoff(h.id(), h.rotation(), h.dueAt(), h.postedAt(), h.outgoing(), h.incoming(), h.weekend(), h.late(), status,
                h.acceptedBy(), h.acceptedAt(), h.remindedAt(), h.escalatedAt());
    }

    @Override
    public synchronized Optional<Handoff> find(long id) {
        return Optional.ofNullable(handoffs.get(id));
    }

    @Override
    public synchronized Optional<HandoffDigest> digest(long id, boolean forIncoming) {
        return Optional.ofNullable((forIncoming ? incomingDigests : teamDigests).get(id));
    }

    @Override
    public synchronized Optional<Handoff> latest(String rotation) {
        return handoffs.values().stream().filter(h -> h.rotation().equals(rotation) && h.status() != Handoff.Status.MISSED)
                .max(Comparator.comparing(Handoff::dueAt));
    }

    @Override
    public synchronized List<Handoff> recent(String rotation, int limit) {
        return handoffs.values().stream().filter(h -> h.rotation().equals(rotation))
                .sorted(Comparator.comparing(Handoff::dueAt).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized List<Handoff> pending() {
        return handoffs.values().stream().filter(Handoff::isPending).sorted(Comparator.comparing(Handoff::id)).toList();
    }

    @Override
    public synchronized Optional<HandoffDecision> change(long id, Function<Handoff, HandoffDecision> decide) {
        Handoff h = handoffs.get(id);
        if (h == null) return Optional.empty();
        HandoffDecision d = decide.apply(h);
        if (d instanceof HandoffDecision.Applied applied) {
            handoffs.put(id, applied.after());
            events.addAll(applied.events());
            effects.addAll(applied.effects());
        }
        return Optional.of(d);
    }

    @Override
    public synchronized List<HandoffEvent> events(long id) {
        return events.stream().filter(e -> e.handoffId() == id).toList();
    }

    @Override
    public synchronized void addNote(HandoffNote note) {
        notes.add(note);
    }

    @Override
    public synchronized List<HandoffNote> notes(String rotation, Instant from, Instant until) {
        return notes.stream().filter(n -> n.rotation().map(rotation::equals).orElse(true))
                .filter(n -> !n.at().isBefore(from) && n.at().isBefore(until)).toList();
    }
}
