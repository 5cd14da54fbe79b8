package app.escalate.commands;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A map-backed {@link CaseStore} so handler tests need no database. */
public final class InMemoryCaseStore implements CaseStore {
    public final Map<CaseId, CaseFile> files = new HashMap<>();
    public final List<SlackEffect> effects = new ArrayList<>();
    public final List<CaseEvent> events = new ArrayList<>();

    @Override
    public synchronized Case open(NewCase draft, Function<Case, Opening> follow) {
        Case c = draft.numbered(new CaseId(files.size() + 1));
        Opening opening = follow.apply(c);
        Set<UserId> members = new HashSet<>(opening.members());
        members.add(draft.reporter());
        files.put(c.id(), new CaseFile(c, List.of(), Set.of(), members, opening.paging(), java.util.Optional.empty(), Set.of(),
                java.util.Optional.empty(), java.util.Optional.empty(), opening.fields(), List.of(), List.of(), Set.of(), opening.pages()));
        events.add(CaseEvent.opened(c, draft.description()));
        events.addAll(opening.events());
        effects.addAll(opening.effects());
        return c;
    }

    @Override
    public synchronized Decision change(CaseId id, Function<CaseFile, Decision> decide) {
        CaseFile before = file(id).orElseThrow(() -> new CaseNotFound(id));
        Decision decision = decide.apply(before);
        if (decision instanceof Decision.Applied applied) {
            files.put(id, applied.after());
            events.addAll(applied.events());
            effects.addAll(applied.effects());
        }
        return decision;
    }

    @Override
    public synchronized JointDecision changeBoth(CaseId first, CaseId second,
                                                 java.util.function.BiFunction<CaseFile, CaseFile, JointDecision> decide) {
        CaseFile a = file(first).orElseThrow(() -> new CaseNotFound(first));
        CaseFile b = file(second).orElseThrow(() -> new CaseNotFound(second));
        JointDecision decision = decide.apply(a, b);
        if (decision instanceof JointDecision.Applied applied) {
            for (Decision.Applied one : List.of(applied.first(), applied.second())) {
                files.put(one.after().id(), one.after());
                events.addAll(one.events());
                effects.addAll(one.effects());
            }
        }
        return decision;
    }

    /** Puts a case as given, replacing any with its id. */
    @Override
    public synchronized void enqueue(List<SlackEffect> queued, java.time.Instant at) {
        effects.addAll(queued);
    }

    public synchronized void put(Case c) {
        files.put(c.id(), new CaseFile(c, List.of(), Set.of(), Set.of(c.reporter())));
    }

    public synchronized Case get(long number) {
        return files.get(new CaseId(number)).details();
    }

    public synchronized List<Case> cases() {
        return files.values().stream().map(CaseFile::details).sorted(Comparator.comparing(c -> c.id().number())).toList();
    }

    @Override
    public synchronized Optional<Case> find(CaseId id) {
        return file(id).map(CaseFile::details);
    }

    @Override
    public synchronized Optional<CaseFile> file(CaseId id) {
        return Optional.ofNullable(files.get(id));
    }

    @Override
    public synchronized Optional<Case> findByChannel(ChannelId channel) {
        return cases().stream().filter(c -> c.channel().map(CaseChannel::id).equals(Optional.of(channel))).findFirst();
    }

    @Override
    public synchronized List<Case> openCases() {
        return cases().stream().filter(Case::isOpen)
                .sorted(Comparator.comparing(Case::severity).thenComparing(Case::openedAt))
                .toList();
    }

    @Override
    public synchronized List<CaseFile> openFiles() {
        return openCases().stream().map(c -> files.get(c.id())).toList();
    }

    @Override
    public synchronized List<CaseEvent> events(java.time.Instant from, java.time.Instant until, Set<CaseEvent.Kind> kinds) {
        return events.stream().filter(e -> kinds.contains(e.kind()) && !e.at().isBefore(from) && e.at().isBefore(until)).toList();
    }

    /** Replaces a case's file as given (tasks, stakeholders, members, watch). */
    public synchronized void put(CaseFile file) {
        files.put(file.id(), file);
    }

    @Override
    public synchronized List<Case> openedBetween(java.time.Instant from, java.time.Instant until) {
        return cases().stream().filter(c -> !c.openedAt().isBefore(from) && c.openedAt().isBefore(until))
                .sorted(Comparator.comparing(Case::openedAt)).toList();
    }

    @Override
    public synchronized List<CaseId> duePaging(java.time.Instant now) {
        return files.values().stream()
                .filter(f -> f.details().isOpen() && f.details().acknowledged().isEmpty())
                .filter(f -> f.paging().nextAt().map(at -> !at.isAfter(now)).orElse(false))
                .map(CaseFile::id).sorted(Comparator.comparing(CaseId::number)).toList();
    }

    @Override
    public synchronized List<CaseId> duePages(java.time.Instant now) {
        return files.values().stream().filter(f -> !app.escalate.commands.paging.PageSteps.due(f, now).isEmpty())
                .map(CaseFile::id).sorted(Comparator.comparing(CaseId::number)).toList();
    }

    @Override
    public synchronized Set<CaseId> casesWithMember(UserId user) {
        return files.values().stream().filter(f -> f.members().contains(user)).map(CaseFile::id).collect(Collectors.toSet());
    }

    @Override
    public synchronized List<CaseEvent> timeline(CaseId id) {
        return events.stream().filter(e -> e.caseId().equals(id)).toList();
    }
}
