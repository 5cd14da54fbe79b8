package app.escalate.commands.summary;

import app.escalate.commands.CaseId;
import app.escalate.commands.ChannelId;
import app.escalate.commands.DraftKind;
import app.escalate.commands.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A draft as stored, for review and for measuring the AI: which prompt and model wrote it, how long
 * it took and what it cost, what the checks found, and what the reviewer did with it (posted as
 * is, edited, discarded, or asked for another), with how far the posted text is from the draft.
 */
public record Draft(long id, CaseId caseId, DraftKind kind, UserId requester, ChannelId channel, Optional<String> responseUrl,
                    String promptVersion, String model, long latencyMillis, int inputTokens, int outputTokens, String text,
                    List<String> findings, Optional<String> fallback, Instant createdAt, Optional<Outcome> outcome,
                    Optional<UserId> reviewer, Optional<String> postedText, Optional<Double> editRatio, Optional<Instant> decidedAt,
                    Optional<Confirmation> confirmed) {

    public enum Outcome {
        AS_IS, EDITED, DISCARDED, REGENERATED;

        public boolean accepted() {
            return this == AS_IS || this == EDITED;
        }
    }

    /** Findings the reviewer checked and let stand, and why: recorded with the post, under the reviewer's name. */
    public record Confirmation(List<String> findings, String why) {
        public Confirmation {
            findings = List.copyOf(findings);
        }
    }

    public Draft {
        findings = List.copyOf(findings);
        if (confirmed == null) confirmed = Optional.empty();
    }

    /** The findings that still stand in the draft's text: to be corrected or confirmed before it is posted. */
    public List<String> openFindings() {
        return findings.stream().filter(f -> !DraftCheck.isRepair(f)).toList();
    }

    /** Whether the posted text differs from the draft: then some of its words are the reviewer's own. */
    public boolean edited() {
        return outcome.map(o -> o == Outcome.EDITED).orElse(false);
    }

    public boolean isOpen() {
        return outcome.isEmpty();
    }

    public Draft decided(Outcome how, UserId by, Optional<String> posted, Optional<Double> ratio, Instant at) {
        return decided(how, by, posted, ratio, at, Optional.empty());
    }

    public Draft decided(Outcome how, UserId by, Optional<String> posted, Optional<Double> ratio, Instant at, Optional<Confirmation> confirmation) {
        return new Draft(id, caseId, kind, requester, channel, responseUrl, promptVersion, model, latencyMillis, inputTokens,
                outputTokens, text, findings, fallback, createdAt, Optional.of(how), Optional.of(by), posted, ratio, Optional.of(at),
                confirmation);
    }
}
