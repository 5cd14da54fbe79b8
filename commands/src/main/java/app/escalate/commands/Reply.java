package app.escalate.commands;

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

    record CaseCard(Case shown) implements Reply {
    }

    /** The first open cases, most urgent first; {@code total} counts them all. */
    record CaseList(List<Case> cases, int total) implements Reply {
        public CaseList {
            cases = List.copyOf(cases);
        }
    }
}
