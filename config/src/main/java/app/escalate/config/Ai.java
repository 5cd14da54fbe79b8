package app.escalate.config;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The team's taxonomy of how the AI fails ({@code ai}): the failure modes a person may tag an
 * override with (a discarded or edited draft, a changed, dismissed or undone triage suggestion, a
 * runbook answer the tree got wrong), owned and review-dated like the prompts. Without it, no tag
 * is offered.
 */
public record Ai(List<FailureMode> failureModes, String owner, LocalDate reviewBy) {
    /** At most this many modes: each is a button on the tag offer, and Slack holds 25 in a row. */
    public static final int MAX_MODES = 12;
    public static final Ai NONE = new Ai(List.of(), null, null);

    public Ai {
        failureModes = List.copyOf(failureModes == null ? List.of() : failureModes);
        if (failureModes.size() > MAX_MODES) {
            throw new IllegalArgumentException("failure_modes: at most " + MAX_MODES + ", got " + failureModes.size());
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < failureModes.size(); i++) {
            if (!ids.add(failureModes.get(i).id())) {
                throw new IllegalArgumentException("failure_modes[" + i + "].id: \"" + failureModes.get(i).id() + "\" is used twice");
            }
        }
        if (!failureModes.isEmpty()) new Review(owner, reviewBy); // checks both
    }

    public Optional<FailureMode> failureMode(String id) {
        return failureModes.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** Who keeps the taxonomy current, when there is one. */
    public Optional<Review> review() {
        return failureModes.isEmpty() ? Optional.empty() : Optional.of(new Review(owner, reviewBy));
    }
}
