package app.escalate.commands;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the incoming on-call reads first, for one audience (the team channel, or one person who may
 * also see restricted cases they are a member of). Bounded whatever the number of open cases: each
 * section keeps its most urgent lines and counts the rest, so it can be stored as the snapshot of
 * what was posted and rendered within Slack's limits.
 */
public record HandoffDigest(Header header, int openTotal, int restrictedHidden, Section<CaseLine> needsAction,
                            List<SeverityGroup> bySeverity, Section<ChangeLine> changes, Section<TaskLine> tasks,
                            Section<WaitingLine> waiting, Section<CaseLine> watched, List<NoteLine> notes, Instant builtAt,
                            Section<DeadlineLine> coverDeadlines) {

    public HandoffDigest {
        bySeverity = List.copyOf(bySeverity);
        notes = List.copyOf(notes);
        if (coverDeadlines == null) coverDeadlines = new Section<>(List.of(), 0);
    }

    public HandoffDigest(Header header, int openTotal, int restrictedHidden, Section<CaseLine> needsAction, List<SeverityGroup> bySeverity,
                         Section<ChangeLine> changes, Section<TaskLine> tasks, Section<WaitingLine> waiting, Section<CaseLine> watched,
                         List<NoteLine> notes, Instant builtAt) {
        this(header, openTotal, restrictedHidden, needsAction, bySeverity, changes, tasks, waiting, watched, notes, builtAt, null);
    }

    /**
     * Who hands to whom at {@code dueAt}; {@code shiftFrom} is when the outgoing shift began, {@code until}
     * when the incoming one ends (when known). A weekend handoff also names the weekend's secondary and managers.
     */
    public record Header(String rotation, String rotationName, Optional<UserId> outgoing, UserId incoming, Instant dueAt,
                         Instant shiftFrom, boolean late, boolean weekend, Optional<UserId> weekendSecondary,
                         List<UserId> managers, Optional<Instant> until) {
        public Header {
            managers = List.copyOf(managers);
            if (until == null) until = Optional.empty();
        }

        public Header(String rotation, String rotationName, Optional<UserId> outgoing, UserId incoming, Instant dueAt,
                      Instant shiftFrom, boolean late, boolean weekend, Optional<UserId> weekendSecondary, List<UserId> managers) {
            this(rotation, rotationName, outgoing, incoming, dueAt, shiftFrom, late, weekend, weekendSecondary, managers, Optional.empty());
        }
    }

    /** An open deadline of a case: its name, when it is due and how it stands when the digest was built. */
    public record DeadlineLine(long caseId, String title, String name, Instant due, Deadlines.Standing standing) {
        public boolean pressing() {
            return standing == Deadlines.Standing.WARNED || standing == Deadlines.Standing.BREACHED;
        }
    }

    /** The first lines of a section, and how many there are in all. */
    public record Section<T>(List<T> shown, int total) {
        public Section {
            shown = List.copyOf(shown);
        }

        public int more() {
            return total - shown.size();
        }

        public boolean isEmpty() {
            return total == 0;
        }
    }

    public record SeverityGroup(int severity, Section<CaseLine> cases) {
    }

    /**
     * One open case in a line: id, severity, state, owner, age, SLA clock and next step, the
     * labels of the fields its type needs filled next ({@code needs}; absent from digests kept before there were fields),
     * and its open deadlines.
     */
    public record CaseLine(long caseId, int severity, String title, String state, Optional<UserId> owner, Instant openedAt,
                           Optional<String> channel, Optional<SlaClock.Status> sla, boolean acknowledged, boolean watched,
                           Optional<String> nextTask, List<String> needs, List<DeadlineLine> deadlines) {
        public CaseLine {
            needs = needs == null ? List.of() : List.copyOf(needs);
            deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
        }

        public CaseLine(long caseId, int severity, String title, String state, Optional<UserId> owner, Instant openedAt,
                        Optional<String> channel, Optional<SlaClock.Status> sla, boolean acknowledged, boolean watched,
                        Optional<String> nextTask, List<String> needs) {
            this(caseId, severity, title, state, owner, openedAt, channel, sla, acknowledged, watched, nextTask, needs, List.of());
        }

        /** Its open deadlines that are warned or breached. */
        public List<DeadlineLine> pressing() {
            return deadlines.stream().filter(DeadlineLine::pressing).toList();
        }
    }

    /** {@code what} happened to a case during the outgoing shift: opened, resolved, reopened or a severity change. */
    public record ChangeLine(Instant at, long caseId, String title, String what, UserId actor) {
    }

    public record TaskLine(long caseId, int number, String text, Optional<UserId> assignee) {
    }

    /**
     * An open case waiting on stakeholders: the groups looped in, and its decisions still pending
     * sign-off, each as "#n decision (waiting on groups)" ({@code signOffs}; absent from digests kept
     * before there were decisions).
     */
    public record WaitingLine(long caseId, int severity, String title, List<String> groups, List<String> signOffs) {
        public WaitingLine {
            groups = List.copyOf(groups);
            signOffs = signOffs == null ? List.of() : List.copyOf(signOffs);
        }
    }

    public record NoteLine(UserId author, String text, Instant at) {
    }
}
