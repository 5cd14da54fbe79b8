package app.escalate.storage;

import app.escalate.commands.CaseChannel;
import app.escalate.commands.CaseId;

/** What Slack gave back for a delivered effect that later effects depend on. */
public sealed interface DeliveryOutcome {

    /** Nothing to remember. */
    record Sent() implements DeliveryOutcome {
    }

    record ChannelCreated(CaseId caseId, CaseChannel channel) implements DeliveryOutcome {
    }

    record CardPosted(CaseId caseId, String ts) implements DeliveryOutcome {
    }

    /** The similar-cases message of a case, redrawn when its duplicate flag is judged. */
    record SimilarPosted(CaseId caseId, String ts) implements DeliveryOutcome {
    }

    /** A swap request as posted: where (a channel's or a direct message's id) and its timestamp. */
    record SwapPosted(long swapId, String channel, String ts) implements DeliveryOutcome {
    }
}
