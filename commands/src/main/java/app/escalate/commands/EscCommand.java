package app.escalate.commands;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;

/** A parsed {@code /esc} sub-command. */
public sealed interface EscCommand {

    /**
     * Open a case. The form adds what the one-line command cannot: the affected surface, a
     * description, restricting the case (otherwise the case type decides), and the values of the
     * type's fields, as {@code fields.FieldValue} keeps them.
     */
    record Open(String title, Optional<Severity> severity, Optional<String> caseType, Optional<String> surface,
                Optional<String> description, Optional<Boolean> restricted, Map<String, String> fields) implements EscCommand {
        public Open {
            fields = fields == null ? Map.of() : Map.copyOf(fields);
        }

        public Open(String title, Optional<Severity> severity, Optional<String> caseType, Optional<String> surface,
                    Optional<String> description, Optional<Boolean> restricted) {
            this(title, severity, caseType, surface, description, restricted, Map.of());
        }

        public Open(String title, Optional<Severity> severity, Optional<String> caseType) {
            this(title, severity, caseType, Optional.empty(), Optional.empty(), Optional.empty());
        }

        /** The same case, restricted. */
        public Open restrictedCase() {
            return new Open(title, severity, caseType, surface, description, Optional.of(true), fields);
        }
    }

    /** {@code open} with nothing after it: show the form. */
    record OpenForm() implements EscCommand {
    }

    /** {@code status} here (a case channel's card, or the open cases) or for a named case. */
    record Status(Optional<CaseId> caseId) implements EscCommand {
    }

    /** An action on the case {@code target} names, or on this channel's case when it names none. */
    record OnCase(Optional<CaseId> target, CaseAction action) implements EscCommand {
    }

    /** Who is on call now, per rotation and level, and the next handoff. */
    record OnCall() implements EscCommand {
    }

    /**
     * {@code oncall report [30d|90d|quarter] [csv]}: how evenly on-call was shared over the window
     * ({@code 30d} by default; {@code quarter} is the calendar quarter so far, in UTC), with the same
     * figures as a CSV by direct message when {@code csv}.
     */
    record OnCallReport(String window, boolean csv) implements EscCommand {
        public static final java.util.List<String> WINDOWS = java.util.List.of("30d", "90d", "quarter");
    }

    /** Someone takes over a level of a rotation between two local times (read in the asker's zone). */
    record SetOverride(UserId who, LocalDateTime from, LocalDateTime until, Optional<Level> level, Optional<String> rotation)
            implements EscCommand {
    }

    record RemoveOverride(long id) implements EscCommand {
    }

    /**
     * {@code swap}: the asker needs cover for {@code level} (primary unless named) between two local
     * times (read in their zone), from the rotation's people, or from {@code with} alone.
     */
    record Swap(LocalDateTime from, LocalDateTime until, Optional<Level> level, Optional<UserId> with) implements EscCommand {
    }

    /** {@code swap cancel <n>}: the requester withdraws swap request {@code id} while nobody has covered it. */
    record CancelSwap(long id) implements EscCommand {
    }

    /** The digest the next handoff of {@code rotation} (default: the asker's) would carry, as of now. */
    record ShowHandoff(Optional<String> rotation) implements EscCommand {
    }

    /** The rotation's recent handoffs (default: the asker's rotation): who handed to whom, and how acceptance went. */
    record HandoffHistory(Optional<String> rotation) implements EscCommand {
    }

    /** A note from the outgoing shift for the next handoff digest. */
    record HandoffNote(String text) implements EscCommand {
    }

    /** How the team and its AI drafts are doing over the last {@code days} (7, 30 or 90). */
    record Stats(int days) implements EscCommand {
    }

    /** {@code /esc ai [7d|30d|90d]}: how the team's AI fares, per surface and version. */
    record AiLedger(int days) implements EscCommand {
    }

    record Help() implements EscCommand {
    }

    /** Text we could not read; {@code problem} says why, in a sentence. */
    record Invalid(String problem) implements EscCommand {
    }
}
