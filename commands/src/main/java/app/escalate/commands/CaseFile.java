package app.escalate.commands;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A case with its tasks, the stakeholder groups looped in, and its members (people invited to or
 * acting on it; for a restricted case, the only people who may see it).
 */
public record CaseFile(Case details, List<Task> tasks, Set<String> stakeholders, Set<UserId> members, Paging paging) {

    public CaseFile {
        tasks = List.copyOf(tasks);
        stakeholders = Set.copyOf(stakeholders);
        members = Set.copyOf(members);
        if (paging == null) paging = Paging.NONE;
    }

    public CaseFile(Case details, List<Task> tasks, Set<String> stakeholders, Set<UserId> members) {
        this(details, tasks, stakeholders, members, Paging.NONE);
    }

    public CaseFile withPaging(Paging next) {
        return new CaseFile(details, tasks, stakeholders, members, next);
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
        return new CaseFile(changed, tasks, stakeholders, members, paging);
    }

    public CaseFile withTasks(List<Task> changed) {
        return new CaseFile(details, changed, stakeholders, members, paging);
    }

    public CaseFile withStakeholder(String group, Set<UserId> newMembers) {
        Set<String> groups = new HashSet<>(stakeholders);
        groups.add(group);
        Set<UserId> people = new HashSet<>(members);
        people.addAll(newMembers);
        return new CaseFile(details, tasks, groups, people, paging);
    }

    public CaseFile withMember(UserId user) {
        Set<UserId> people = new HashSet<>(members);
        people.add(user);
        return new CaseFile(details, tasks, stakeholders, people, paging);
    }
}
