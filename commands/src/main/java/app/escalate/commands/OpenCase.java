package app.escalate.commands;

import app.escalate.config.CaseType;
import app.escalate.config.Policy;

import java.time.Clock;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code /esc open}: records the case and queues its channel, invite, pinned card and the link back. */
public final class OpenCase {
    private final CaseStore cases;
    private final Policy policy;
    private final Clock clock;

    public OpenCase(CaseStore cases, Policy policy, Clock clock) {
        this.cases = cases;
        this.policy = policy;
        this.clock = clock;
    }

    public Reply handle(EscCommand.Open command, Invocation by) {
        Optional<CaseType> type = command.caseType().flatMap(policy::caseType);
        if (command.caseType().isPresent() && type.isEmpty()) {
            return new Reply.Refusal("There is no case type `" + command.caseType().get() + "`. Known types: "
                    + policy.caseTypes().stream().map(t -> "`" + t.id() + "`").collect(Collectors.joining(", ")) + ".");
        }
        Severity severity = command.severity()
                .or(() -> type.map(t -> Severity.ofLevel(t.defaultSeverityLevel())))
                .orElse(Severity.DEFAULT);
        NewCase draft = new NewCase(command.title(), severity, type.map(CaseType::id), by.user(), clock.instant());
        Case opened = cases.open(draft, c -> SlackEffect.forOpenedCase(c, channelName(c), by.responseUrl()));
        return new Reply.CaseOpened(opened, channelName(opened));
    }

    private String channelName(Case c) {
        return ChannelName.of(policy.workspace().channelPrefix(), c.id(), c.title());
    }
}
