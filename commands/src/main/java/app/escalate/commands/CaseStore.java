package app.escalate.commands;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Where cases live. Implementations write a case, its timeline and its outbox effects atomically;
 * work that follows no change to a case goes to the same outbox ({@link Effects}).
 */
public interface CaseStore extends Effects {

    /**
     * Numbers and records a new case, its {@code OPENED} event, and what {@code opening} (given the
     * numbered case) says follows from it, in one transaction.
     */
    Case open(NewCase draft, Function<Case, Opening> opening);

    /**
     * Runs {@code decide} on the case as it is, with the case locked against concurrent changes,
     * and if it applies, stores the new case, its events and effects in the same transaction.
     *
     * @throws CaseNotFound when there is no such case
     */
    Decision change(CaseId id, Function<CaseFile, Decision> decide);

    /**
     * {@link #change} for two cases at once: both locked (in case-number order, so two such changes
     * never wait on each other), decided together, and stored in one transaction.
     *
     * @throws CaseNotFound when either case does not exist
     */
    JointDecision changeBoth(CaseId first, CaseId second, java.util.function.BiFunction<CaseFile, CaseFile, JointDecision> decide);

    Optional<Case> find(CaseId id);

    Optional<CaseFile> file(CaseId id);

    Optional<Case> findByChannel(ChannelId channel);

    /** Open cases, most severe first, then oldest first. */
    List<Case> openCases();

    /** Every open case with its tasks, stakeholders, members and watch flag, in the order of {@link #openCases}; read in bulk. */
    List<CaseFile> openFiles();

    /** Events of {@code kinds} on any case in [from, until), oldest first. */
    List<CaseEvent> events(Instant from, Instant until, Set<CaseEvent.Kind> kinds);

    /** Every case opened in [from, until), open or not, oldest first. */
    List<Case> openedBetween(Instant from, Instant until);

    /** Open, unacknowledged cases whose next escalation step is due at {@code now}. */
    List<CaseId> duePaging(Instant now);

    /** Cases with a page to a person whose next step (or answer) is due at {@code now}. */
    List<CaseId> duePages(Instant now);

    /** The cases {@code user} is a member of (invited to, or has acted on). */
    Set<CaseId> casesWithMember(UserId user);

    /** Oldest first. */
    List<CaseEvent> timeline(CaseId id);
}
