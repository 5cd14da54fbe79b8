package app.escalate.commands;

import java.util.List;
import java.util.Optional;

/**
 * A change in Slack that a decision implies. Effects are written to the outbox in the same
 * transaction as the decision and delivered afterwards, in order per case. They carry ids, not
 * rendered messages: the worker renders from the case as it is at delivery.
 */
public sealed interface SlackEffect {

    CaseId caseId();

    /** Create the case channel; on a name clash the worker tries {@link ChannelName#alternative}. */
    record CreateChannel(CaseId caseId, String name, boolean isPrivate) implements SlackEffect {
    }

    record InviteToChannel(CaseId caseId, List<UserId> users) implements SlackEffect {
        public InviteToChannel {
            users = List.copyOf(users);
        }
    }

    record PostCaseCard(CaseId caseId) implements SlackEffect {
    }

    record PinCaseCard(CaseId caseId) implements SlackEffect {
    }

    /** Tell whoever opened the case where its channel is: via the command's response URL, else by DM. */
    record TellReporter(CaseId caseId, UserId reporter, Optional<String> responseUrl) implements SlackEffect {
    }

    /** What opening a case sets in motion, in delivery order. */
    static List<SlackEffect> forOpenedCase(Case c, String channelName, Optional<String> responseUrl) {
        return List.of(
                new CreateChannel(c.id(), channelName, false),
                new InviteToChannel(c.id(), List.of(c.reporter())),
                new PostCaseCard(c.id()),
                new PinCaseCard(c.id()),
                new TellReporter(c.id(), c.reporter(), responseUrl));
    }
}
