package app.escalate.commands;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A case with its tasks, the stakeholder groups looped in, and its members (people invited to or
 * acting on it; for a restricted case, the only people who may see it), its paging step, whether
 * it is flagged to watch at the next handoff, the SLA warnings and breaches already raised
 * (each once: see {@code sla.SlaWatch}), the decision tree's question waiting for an answer, and
 * where its AI triage stands, and the facts its type's fields hold (by field id, as {@code fields.FieldValue} keeps them),
 * the decisions taken on it with their sign-offs (by number, see {@link CaseDecision}), and what its
 * people said about its deadlines (see {@link Deadlines}), and the cases linked to it as related.
 */
public record CaseFile(Case details, List<Task> tasks, Set<String> stakeholders, Set<UserId> members, Paging paging,
                       Optional<Watch> watch, Set<String> slaAlerts, Optional<String> runbookAt, Optional<TriageState> triage,
                       Map<String, String> fields, List<CaseDecision> decisions, List<DeadlineEntry> deadlines, Set<CaseId> links,
                       List<PersonPage> pages) {

    public CaseFile {
        tasks = List.copyOf(tasks);
        stakeholders = Set.copyOf(stakeholders);
        members = Set.copyOf(members);
        if (paging == null) paging = Paging.NONE;
        if (watch == null) watch = Optional.empty();
        slaAlerts = slaAlerts == null ? Set.of() : Set.copyOf(slaAlerts);
        if (runbookAt == null) runbookAt = Optional.empty();
        if (triage == null) triage = Optional.empty();
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
        links = links == null ? Set.of() : Set.copyOf(links);
        pages = pages == null ? List.of() : List.copyOf(pages);
    }

    public CaseFile(Case details, List<Task> tasks, Set<String> stakeholders, Set<UserId> members, Paging paging, Optional<Watch> watch,
                    Set<String> slaAlerts, Optional<String> runbookAt, Optional<TriageState> triage, Map<String, String> fields,
                    List<CaseDecision> decisions, List<DeadlineEntry> deadlines, Set<CaseId> links) {
        this(details, tasks, stakeholders, members, paging, watch, slaAlerts, runbookAt, triage, fields, decisions, deadlines, links, List.of());
    }

    /** With {@code page} begun, or (same number) its new standing. */
    public CaseFile withPage(PersonPage page) {
        List<PersonPage> next = new ArrayList<>(pages.stream().filter(p -> p.number() != page.number()).toList());
        next.add(page);
        next.sort(Comparator.comparingInt(PersonPage::number));
        return new CaseFile(details, tasks, stakeholders, members, paging, watch, slaAlerts, runbookAt, triage, fields, decisions, deadlines, links, next);
    }

    public Optional<PersonPage> page(int number) {
        return pages.stream().filter(p -> p.number() == number).findFirst();
    }

    /** The number the next page on this case takes. */
    public int nextPageNumber() {
        return pages.stream().mapToInt(PersonPage::number).max().orElse(0) + 1;
    }

    public CaseFile(Case details, List<Task> tasks, Set<String> stakeholders, Set<UserId> members, Paging paging, Optional<Watch> watch,
                    Set<String> slaAlerts, Optional<String> runbookAt, Optional<TriageState> triage, Map<String, String> fields,
                    List<CaseDecision> decisions, List<DeadlineEntry> deadlines) {
        this(details, tasks, stakeholders, members, paging, watch, slaAlerts, runbookAt, triage, fields, decisions, deadlines, Set.of());
    }

    /** Linked to {@code other} as related ({@code linked}), or no longer. */
    public CaseFile withLink(CaseId other, boolean linked) {
        Set<CaseId> next = new HashSet<>(links);
        if (linked) next.add(other);
        else next.remove(other);
        return new CaseFile(details, tasks, stakeholders, members, paging, watch, slaAlerts, runbookAt, triage, fields, decisions, deadlines, next, pages);
    }

    public CaseFile(Case details, List<Task> tasks, Set<String> stakeholders, Set<UserId> members, Paging paging, Optional<Watch> watch,
                    Set<String> slaAlerts, Optional<String> runbookAt, Optional<TriageState> triage, Map<String, String> fields,
                    List<CaseDecision> decisions) {
        this(details, tasks, stakeholders, members, paging, watch, slaAlerts, runbookAt, triage, fields, decisions, List.of());
    }

    /** The entry for deadline {@code name}, which replaces any before it. */
    public CaseFile withDeadline(DeadlineEntry entry) {
        List<DeadlineEntry> next = new ArrayList<>(deadlines);
        next.removeIf(d -> d.name().equals(entry.name()));
        next.add(entry);
        return new CaseFile(details, tasks, stakeholders, members, paging, watch, slaAlerts, runbookAt, triage, fields, decisions, next, links, pages);
    }

    /** Deadline {@code name} closed as {@code how}: its entry, or (a type's deadline no one touched) a new one. */
    public CaseFile withDeadlineClosed(String name, DeadlineEntry.Closed how) {
        return withDeadline(deadline(name).orElse(new DeadlineEntry(name, Optional.empty(), how.at(), how.by(), Optional.empty())).closing(how));
    }

    public Optional<DeadlineEntry> deadline(String name) {
        return deadlines.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    public CaseFile(Case details, List<Task> tasks, Set<String> stakeholders, Set<UserId> members, Paging paging, Optional<Watch> watch,
                    Set<String> slaAlerts, Optional<String> runbookAt, Optional<TriageState> triage, Map<String, String> fields) {
        this(details, tasks, stakeholders, members, paging, watch, slaAlerts, runbookAt, triage, fields, List.of());
    }

    public CaseFile(Case details, List<Task> tasks, Set<String> stakeholders, Set<UserId> members, Paging paging, Optional<Watch> watch,
                    Set<String> slaAlerts, Optional<String> runbookAt, Optional<TriageState> triage) {
        this(details, tasks, stakeholders, members, paging, watch, slaAlerts, runbookAt, triage, Map.of());
    }

    /** The case's field {@code id} (of its type's fields) now holds {@code value}, as {@code fields.FieldValue} keeps it. */
    public CaseFile withField(String id, String value) {
        Map<String, String> next = new java.util.HashMap<>(fields);
        next.put(id, value);
        return new CaseFile(details, tasks, stakeholders, members, paging, watch, slaAlerts, runbookAt, triage, next, decisions, deadlines, links, pages);
    }

    public Optional<String> field(String id) {
        return Optional.ofNullable(fields.get(id));
    }

    /** With {@code decision} taken, or (same number) its new standing. */
    public CaseFile withDecision(CaseDecision decision) {
        List<CaseDecision> next = new ArrayList<>(decisions.stream().filter(d -> d.number() != decision.number()).toList());
        next.add(decision);
        next.sort(Comparator.comparingInt(CaseDecision::number));
        return new CaseFile(details, tasks, stakeholders, members, paging, watch, slaAlerts, runbookAt, triage, fields, next, deadlines, links, pages);
    }

    public Optional<CaseDecision> decision(int number) {
        return decisions.stream().filter(d -> d.number() == number).findFirst();
    }

    public CaseFile(Case details, List<Task> tasks, Set<String> stakeholders, Set<UserId> members, Paging paging, Optional<Watch> watch,
                    Set<String> slaAlerts) {
        this(details, tasks, stakeholders, members, paging, watch, slaAlerts, Optional.empty(), Optional.empty());
    }

    /** The walk is at {@code question}, or (empty) not under way. */
    public CaseFile withRunbookAt(Optional<String> question) {
        return new CaseFile(details, tasks, stakeholders, members, paging, watch, slaAlerts, question, triage, fields, decisions, deadlines, links, pages);
    }

    public CaseFile(Case details, List<Task> tasks, Set<String> stakeholders, Set<UserId> members, Paging paging, Optional<Watch> watch) {
        this(details, tasks, stakeholders, members, paging, watch, Set.of());
    }

    /** Where the case's AI triage stands; empty before it has been triaged. */
    public CaseFile withTriage(Optional<TriageState> next) {
        return new CaseFile(details, tasks, stakeholders, members, paging, watch, slaAlerts, runbookAt, next, fields, decisions, deadlines, links, pages);
    }

    public CaseFile withSlaAlert(String key) {
        Set<String> alerts = new HashSet<>(slaAlerts);
        alerts.add(key);
        return new CaseFile(details, tasks, stakeholders, members, paging, watch, alerts, runbookAt, triage, fields, decisions, deadlines, links, pages);
    }

    public CaseFile(Case details, List<Task> tasks, Set<String> stakeholders, Set<UserId> members, Paging paging) {
        this(details, tasks, stakeholders, members, paging, Optional.empty());
    }

    public CaseFile(Case details, List<Task> tasks, Set<String> stakeholders, Set<UserId> members) {
        this(details, tasks, stakeholders, members, Paging.NONE);
    }

    public CaseFile withPaging(Paging next) {
        return new CaseFile(details, tasks, stakeholders, members, next, watch, slaAlerts, runbookAt, triage, fields, decisions, deadlines, links, pages);
    }

    public CaseFile withWatch(Optional<Watch> next) {
        return new CaseFile(details, tasks, stakeholders, members, paging, next, slaAlerts, runbookAt, triage, fields, decisions, deadlines, links, pages);
    }

    public CaseId id() {
        return details.id();
    }

    public long openTasks() {
        return tasks.stream().filter(t -> !t.isDone()).count();
    }

    /** Everyone sees an ordinary case; a restricted one only its members. */
    public boolean visibleTo(UserId user) {
        return !details.restricted() || members.contains(user);
    }

    public CaseFile with(Case changed) {
        return new CaseFile(changed, tasks, stakeholders, members, paging, watch, slaAlerts, runbookAt, triage, fields, decisions, deadlines, links, pages);
    }

    public CaseFile withTasks(List<Task> changed) {
        return new CaseFile(details, changed, stakeholders, members, paging, watch, slaAlerts, runbookAt, triage, fields, decisions, deadlines, links, pages);
    }

    public CaseFile withStakeholder(String group, Set<UserId> newMembers) {
        Set<String> groups = new HashSet<>(stakeholders);
        groups.add(group);
        Set<UserId> people = new HashSet<>(members);
        people.addAll(newMembers);
        return new CaseFile(details, tasks, groups, people, paging, watch, slaAlerts, runbookAt, triage, fields, decisions, deadlines, links, pages);
    }

    public CaseFile withMember(UserId user) {
        Set<UserId> people = new HashSet<>(members);
        people.add(user);
        return new CaseFile(details, tasks, stakeholders, people, paging, watch, slaAlerts, runbookAt, triage, fields, decisions, deadlines, links, pages);
    }
}
