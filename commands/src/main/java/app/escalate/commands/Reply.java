package app.escalate.commands;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the person who typed the command sees at once (ephemeral). The bot renders each kind. */
public sealed interface Reply {

    /** The usage message, after {@code problem} when the command could not be read. */
    record Usage(Optional<String> problem) implements Reply {
    }

    /** A well-formed request that cannot be done; {@code reason} says why and what would work. */
    record Refusal(String reason) implements Reply {
    }

    record CaseOpened(Case opened, String channelName) implements Reply {
    }

    /** Show the form for opening a case (the bot opens it with Slack's trigger, within 3 s). */
    record OpenForm() implements Reply {
    }

    record CaseCard(CaseFile shown) implements Reply {
    }

    /** A change went through: the events it recorded (also announced in the case channel). */
    record Changed(CaseId caseId, List<CaseEvent> events) implements Reply {
        public Changed {
            events = List.copyOf(events);
        }
    }

    /** One page of the timeline, newest first. */
    record TimelinePage(CaseId caseId, List<CaseEvent> events, int page, int pages) implements Reply {
        public TimelinePage {
            events = List.copyOf(events);
        }
    }

    record TaskList(CaseId caseId, List<Task> tasks) implements Reply {
        public TaskList {
            tasks = List.copyOf(tasks);
        }
    }

    /** The case's deadlines as they stand at {@code now}, and its type's that wait for a field. */
    record DeadlineList(CaseId caseId, List<Deadlines.Deadline> deadlines, List<Deadlines.Waiting> waiting, Instant now) implements Reply {
        public DeadlineList {
            deadlines = List.copyOf(deadlines);
            waiting = List.copyOf(waiting);
        }
    }

    /** The case's decisions, oldest first, each with where it stands. */
    record DecisionList(CaseId caseId, List<CaseDecision> decisions) implements Reply {
        public DecisionList {
            decisions = List.copyOf(decisions);
        }
    }

    /** A draft of {@code kind} for the case is being written; it will be shown to the asker for review. */
    record Drafting(CaseId caseId, DraftKind kind) implements Reply {
    }

    /**
     * The team's figures over a window, the AI drafts' and triage's record per prompt version, how the
     * duplicate flags were judged, and what is past its review date.
     */
    record Stats(TeamStats.Report team, List<DraftVersionStats> drafts,
                 TriageStats.Report triage, DuplicateStats.Report duplicates,
                 List<OverdueReview> overdue) implements Reply {
        public Stats {
            drafts = List.copyOf(drafts);
            overdue = List.copyOf(overdue);
        }
    }

    /** {@code /esc oncall report}: how evenly on-call was shared; {@code csvQueued} when the CSV follows by direct message. */
    record OnCallReport(FairnessReport report, boolean csvQueued) implements Reply {
    }

    /** {@code /esc ai}: the team's AI per surface and version over the window. */
    record AiLedger(AiLedgerReport report) implements Reply {
    }

    /** {@code /esc tag}: the case's overrides of the AI with their tags, and the failure modes to tag them with. */
    record AiOverrideList(CaseId caseId, List<app.escalate.commands.AiOverride> overrides, List<app.escalate.config.FailureMode> modes)
            implements Reply {
        public AiOverrideList {
            overrides = List.copyOf(overrides);
            modes = List.copyOf(modes);
        }
    }

    /** Each rotation's primary and secondary now, the next primary shift, and the overrides in force or to come. */
    record OnCallNow(List<RotationNow> rotations) implements Reply {
        public OnCallNow {
            rotations = List.copyOf(rotations);
        }
    }

    record RotationNow(String name, Optional<Shift> primary, Optional<Shift> secondary, Optional<Shift> next,
                       List<ShiftOverride> overrides, List<Handoff> pendingHandoffs) {
        public RotationNow {
            overrides = List.copyOf(overrides);
            pendingHandoffs = List.copyOf(pendingHandoffs);
        }
    }

    /** The digest the next handoff would carry, as the asker may see it. */
    record HandoffPreview(HandoffDigest digest) implements Reply {
    }

    /** A rotation's recent handoffs, newest first. */
    record HandoffHistory(String rotation, List<Handoff> handoffs) implements Reply {
        public HandoffHistory {
            handoffs = List.copyOf(handoffs);
        }
    }

    /** A handoff note was kept for the next digest of {@code rotation} (every rotation's when empty). */
    record HandoffNoted(Optional<String> rotation, Optional<UserId> nextOnCall, Optional<Instant> at) implements Reply {
    }

    record OverrideSet(ShiftOverride override, String rotationName) implements Reply {
    }

    record OverrideRemoved(ShiftOverride override) implements Reply {
    }

    /** Swap request #{@code id} was recorded and is on its way to {@code askedOf}, or to {@code channel} (the rotation's) when empty. */
    /** Swap request #{@code id} was withdrawn before anyone covered it. */
    record SwapCancelled(long id) implements Reply {
    }

    record SwapAsked(long id, String rotationName, Level level, Instant from, Instant until, Optional<UserId> askedOf, String channel)
            implements Reply {
    }

    /** The first open cases, most urgent first; {@code total} counts them all. */
    record CaseList(List<Case> cases, int total) implements Reply {
        public CaseList {
            cases = List.copyOf(cases);
        }
    }
}
