package app.escalate.commands.summary;

import app.escalate.commands.CaseId;
import app.escalate.commands.ChannelId;
import app.escalate.commands.DraftKind;
import app.escalate.commands.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A draft to store; the store numbers it. */
public record NewDraft(CaseId caseId, DraftKind kind, UserId requester, ChannelId channel, Optional<String> responseUrl,
                       String promptVersion, String model, long latencyMillis, int inputTokens, int outputTokens, String text,
                       List<String> findings, Optional<String> fallback, Instant createdAt) {
    public NewDraft {
        findings = List.copyOf(findings);
    }
}
