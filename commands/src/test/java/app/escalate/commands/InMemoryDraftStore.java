package app.escalate.commands;

import app.escalate.commands.summary.Draft;
import app.escalate.commands.summary.DraftDecision;
import app.escalate.commands.summary.DraftStore;
import app.escalate.commands.summary.NewDraft;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** A map-backed {@link DraftStore} so domain tests need no database. */
public final class InMemoryDraftStore implements DraftStore {
    public final Map<Long, Draft> drafts = new HashMap<>();
    public final List<SlackEffect> effects = new ArrayList<>();
    public final List<CaseEvent> events = new ArrayList<>();
    public final Map<CaseId, List<Instant>> reminders = new HashMap<>();
    private final Set<String> reminded = new HashSet<>();
    private final Map<String, Integer> alerts = new HashMap<>();

    private final Map<String, Integer> driftAlerts = new HashMap<>();

    private final Map<String, Long> requests = new HashMap<>();

    @Override
    public synchronized Draft save(NewDraft n, String request, Function<Draft, List<SlackEffect>> follow) {
        if (requests.containsKey(request)) return drafts.get(requests.get(request));
        Draft d = new Draft(drafts.size() + 1, n.caseId(), n.kind(), n.requester(), n.channel(), n.responseUrl(), n.promptVersion(),
                n.model(), n.latencyMillis(), n.inputTokens(), n.outputTokens(), n.text(), n.findings(), n.fallback(), n.createdAt(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        drafts.put(d.id(), d);
        requests.put(request, d.id());
        effects.addAll(follow.apply(d));
        return d;
    }

    @Override
    public synchronized Optional<Draft> forRequest(String request) {
        return Optional.ofNullable(requests.get(request)).map(drafts::get);
    }

    @Override
    public synchronized Optional<Draft> find(long id) {
        return Optional.ofNullable(drafts.get(id));
    }

    @Override
    public synchronized Optional<DraftDecision> decide(long id, Function<Draft, DraftDecision> decide) {
        Draft d = drafts.get(id);
        if (d == null) return Optional.empty();
        DraftDecision decision = decide.apply(d);
        if (decision instanceof DraftDecision.Applied a) {
            drafts.put(id, a.after());
            events.addAll(a.events());
            effects.addAll(a.effects());
        }
        return Optional.of(decision);
    }

    @Override
    public synchronized List<Draft> ofCase(CaseId caseId) {
        return drafts.values().stream().filter(d -> d.caseId().equals(caseId)).sorted(Comparator.comparing(Draft::id)).toList();
    }

    @Override
    public synchronized List<Draft> decided(DraftKind kind) {
        return drafts.values().stream().filter(d -> d.kind() == kind && d.decidedAt().isPresent())
                .sorted(Comparator.comparing((Draft d) -> d.decidedAt().get()).thenComparing(Draft::id)).toList();
    }

    @Override
    public synchronized Optional<Instant> lastPosted(CaseId caseId, DraftKind kind) {
        return drafts.values().stream().filter(d -> d.caseId().equals(caseId) && d.kind() == kind
                        && d.outcome().map(Draft.Outcome::accepted).orElse(false))
                .map(d -> d.decidedAt().get()).max(Comparator.naturalOrder());
    }

    @Override
    public synchronized Optional<Instant> lastReminded(CaseId caseId) {
        return reminders.getOrDefault(caseId, List.of()).stream().max(Comparator.naturalOrder());
    }

    @Override
    public synchronized boolean remind(CaseId caseId, Instant dueAt, Instant at, List<SlackEffect> follow) {
        if (!reminded.add(caseId + "@" + dueAt)) return false;
        reminders.computeIfAbsent(caseId, k -> new ArrayList<>()).add(at);
        effects.addAll(follow);
        return true;
    }

    @Override
    public synchronized int lastAlertAt(DraftKind kind) {
        return alerts.getOrDefault(kind.id(), 0);
    }

    @Override
    public synchronized int lastDriftAlertAt(String watch) {
        return driftAlerts.getOrDefault(watch, 0);
    }

    @Override
    public synchronized boolean driftAlert(String watch, int decidedCount, Instant at, List<SlackEffect> follow) {
        if (driftAlerts.getOrDefault(watch, 0) == decidedCount) return false;
        driftAlerts.put(watch, decidedCount);
        effects.addAll(follow);
        return true;
    }

    @Override
    public synchronized boolean alert(DraftKind kind, int decidedCount, Instant at, List<SlackEffect> follow) {
        if (alerts.getOrDefault(kind.id(), 0) == decidedCount) return false;
        alerts.put(kind.id(), decidedCount);
        effects.addAll(follow);
        return true;
    }
}
