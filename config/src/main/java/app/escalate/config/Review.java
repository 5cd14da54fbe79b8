package app.escalate.config;

import java.time.LocalDate;
import java.util.List;

/**
 * Who keeps a piece of the team's encoded judgment current (a prompt, a routing rule, a runbook),
 * and the date they review it by. Past that date it is listed in {@code /esc stats} and posted to
 * the team channel every week until someone moves the date.
 */
public record Review(String owner, LocalDate reviewBy) {
    public Review {
        if (owner == null) throw new IllegalArgumentException("owner: missing (the Slack user id of who keeps it current)");
        Groups.members("owner", List.of(owner));
        if (reviewBy == null) throw new IllegalArgumentException("review_by: missing (the date its owner reviews it by)");
    }

    /** Past its date on {@code today}: the review day itself still counts as on time. */
    public boolean pastDue(LocalDate today) {
        return today.isAfter(reviewBy);
    }
}
