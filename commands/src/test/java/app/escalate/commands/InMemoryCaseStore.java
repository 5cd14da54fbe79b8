package app.escalate.commands;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** A list-backed {@link CaseStore} so handler tests need no database. */
final class InMemoryCaseStore implements CaseStore {
    final List<Case> cases = new ArrayList<>();
    final List<SlackEffect> effects = new ArrayList<>();
    final List<CaseEvent> events = new ArrayList<>();

    @Override
    public Case open(NewCase draft, Function<Case, List<SlackEffect>> effectsOf) {
        Case c = draft.numbered(new CaseId(cases.size() + 1));
        cases.add(c);
        events.add(CaseEvent.opened(c));
        effects.addAll(effectsOf.apply(c));
        return c;
    }

    void put(Case c) {
        cases.removeIf(existing -> existing.id().equals(c.id()));
        cases.add(c);
    }

    @Override
    public Optional<Case> find(CaseId id) {
        return cases.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    @Override
    public Optional<Case> findByChannel(ChannelId channel) {
        return cases.stream().filter(c -> c.channel().map(CaseChannel::id).equals(Optional.of(channel))).findFirst();
    }

    @Override
    public List<Case> openCases() {
        return cases.stream().filter(Case::isOpen)
                .sorted(Comparator.comparing(Case::severity).thenComparing(Case::openedAt))
                .toList();
    }

    @Override
    public List<CaseEvent> timeline(CaseId id) {
        return events.stream().filter(e -> e.caseId().equals(id)).toList();
    }
}
