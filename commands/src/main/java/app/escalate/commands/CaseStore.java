package app.escalate.commands;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Where cases live. Implementations write a case, its timeline and its outbox effects atomically. */
public interface CaseStore {

    /**
     * Numbers and records a new case, its {@code OPENED} event and the effects it implies, in one
     * transaction. {@code effects} receives the numbered case.
     */
    Case open(NewCase draft, Function<Case, List<SlackEffect>> effects);

    Optional<Case> find(CaseId id);

    Optional<Case> findByChannel(ChannelId channel);

    /** Open cases, most severe first, then oldest first. */
    List<Case> openCases();

    List<CaseEvent> timeline(CaseId id);
}
