package app.escalate.commands;


import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A decision taken on a case, numbered from 1 within it: what was decided, why, the alternatives
 * set aside, who decided and when, the stakeholder groups whose sign-off it {@code needs}, their
 * answers, and the decider's override of an objection.
 */
public record CaseDecision(int number, String text, String rationale, List<String> alternatives, UserId decider, Instant at,
                           List<String> needs, List<SignOff> signOffs, Optional<Overruled> overruled) {

    /** Where a decision stands. */
    public enum Status {
        /** Needed no sign-off: it stands as recorded. */
        RECORDED("recorded"),
        PENDING("pending sign-off"),
        SIGNED_OFF("signed off"),
        REJECTED("rejected"),
        /** Objected to, and its decider overrode the objection: it stands. */
        OVERRIDDEN("stands over an objection");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** As said of a decision: "is signed off", "was rejected", "stands over an objection". */
        public String sentence() {
            return switch (this) {
                case REJECTED -> "was rejected";
                case OVERRIDDEN -> label;
                default -> "is " + label;
            };
        }
    }

    /** The decider's override of an objection, with their reason. */
    public record Overruled(String reason, Instant at) {
    }

    public CaseDecision {
        alternatives = List.copyOf(alternatives);
        needs = List.copyOf(needs);
        signOffs = List.copyOf(signOffs);
        if (overruled == null) overruled = Optional.empty();
    }

    /** A decision as it is taken, before anyone has answered. */
    public static CaseDecision taken(int number, String text, String rationale, List<String> alternatives, UserId decider, Instant at,
                                     List<String> needs) {
        return new CaseDecision(number, text, rationale, alternatives, decider, at, needs, List.of(), Optional.empty());
    }

    public Status status() {
        if (overruled.isPresent()) return Status.OVERRIDDEN;
        if (objection().isPresent()) return Status.REJECTED;
        if (needs.isEmpty()) return Status.RECORDED;
        return waitingOn().isEmpty() ? Status.SIGNED_OFF : Status.PENDING;
    }

    /** Nothing more can be signed: it stands or was rejected. A rejected one can still be overridden by its decider. */
    public boolean isSettled() {
        return status() != Status.PENDING;
    }

    /** The named groups that have not answered yet, in the order they were named. */
    public List<String> waitingOn() {
        return needs.stream().filter(g -> signOffs.stream().noneMatch(s -> s.group().equals(g))).toList();
    }

    public Optional<SignOff> objection() {
        return signOffs.stream().filter(s -> s.verdict() == SignOff.Verdict.OBJECTED).findFirst();
    }

    /** With {@code answers} added (one per group still waiting). */
    public CaseDecision signed(List<SignOff> answers) {
        List<SignOff> all = new ArrayList<>(signOffs);
        all.addAll(answers);
        return new CaseDecision(number, text, rationale, alternatives, decider, at, needs, all, overruled);
    }

    public CaseDecision overruledBecause(String reason, Instant when) {
        return new CaseDecision(number, text, rationale, alternatives, decider, at, needs, signOffs, Optional.of(new Overruled(reason, when)));
    }
}
