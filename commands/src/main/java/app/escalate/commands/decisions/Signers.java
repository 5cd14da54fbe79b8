package app.escalate.commands.decisions;

import app.escalate.commands.CaseDecision;
import app.escalate.commands.CaseFile;
import app.escalate.commands.UserId;
import app.escalate.config.Policy;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Who may answer a decision's sign-off: a member (by the policy) of a named group that has not
 * answered yet, other than whoever took the decision, while the decision is pending and its case
 * open. Asked before the objection form opens, and again when the answer arrives.
 */
public final class Signers {
    private Signers() {
    }

    /** Why {@code user} may not answer decision {@code number} of the case now; empty when they may. */
    public static Optional<String> refusal(CaseFile file, int number, UserId user, Policy policy) {
        Optional<CaseDecision> found = file.decision(number);
        if (found.isEmpty()) return Optional.of(file.id() + " has no decision #" + number + ".");
        CaseDecision d = found.get();
        if (!file.details().isOpen()) return Optional.of(file.id() + " is resolved; its decisions stand as they were. `/esc reopen` it first.");
        if (d.isSettled()) return Optional.of("Decision #" + number + " of " + file.id() + " " + d.status().sentence() + " already; nothing was changed.");
        // A sign-off is someone else's word: the decider does not sign off their own decision.
        if (d.decider().equals(user)) {
            return Optional.of("You took decision #" + number + "; its sign-off is for someone else in "
                    + d.needs().stream().map(g -> "`" + g + "`").collect(Collectors.joining(" or ")) + ".");
        }
        List<String> theirs = theirGroups(d, user, policy);
        if (theirs.isEmpty()) {
            return Optional.of("Only members of " + d.needs().stream().map(g -> "`" + g + "`").collect(Collectors.joining(" or "))
                    + " can sign off decision #" + number + ".");
        }
        if (answering(d, user, policy).isEmpty()) {
            return Optional.of(theirs.stream().map(g -> "`" + g + "`").collect(Collectors.joining(" and ")) + " answered decision #" + number + " already.");
        }
        return Optional.empty();
    }

    /** The groups {@code user} answers for: those of the named groups they are in that are still waiting. */
    public static List<String> answering(CaseDecision d, UserId user, Policy policy) {
        return theirGroups(d, user, policy).stream().filter(d.waitingOn()::contains).toList();
    }

    private static List<String> theirGroups(CaseDecision d, UserId user, Policy policy) {
        return d.needs().stream().filter(g -> policy.group(g).contains(user.value())).toList();
    }
}
