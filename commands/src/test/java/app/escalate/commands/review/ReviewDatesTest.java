package app.escalate.commands.review;

import app.escalate.commands.OverdueReview;
import app.escalate.commands.SlackEffect;
import app.escalate.config.Policy;
import app.escalate.config.PolicyLoader;
import app.escalate.config.Review;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example policy's dates: exec-summary prompt 2027-02-26, deepfake tree 2027-02-28; the rca and
 * triage prompts, the LLM tree and every triage rule 2027-03-31.
 */
class ReviewDatesTest {
    private final Policy policy = PolicyLoader.builtIn();

    @Test
    void nothing_is_overdue_up_to_and_on_its_review_day() {
        assertThat(ReviewDates.overdue(policy, LocalDate.of(2026, 12, 1))).isEmpty();
        assertThat(ReviewDates.overdue(policy, LocalDate.of(2027, 2, 26))).isEmpty();
    }

    @Test
    void prompts_and_runbooks_past_their_day_are_listed_longest_overdue_first_with_their_owner() {
        assertThat(ReviewDates.overdue(policy, LocalDate.of(2027, 3, 1))).containsExactly(
                new OverdueReview("Executive summary prompt (exec-summary.v1)", new Review("U0ESCMARIA", LocalDate.of(2027, 2, 26))),
                new OverdueReview("Runbook decision tree of Deepfake / synthetic media", new Review("U0ESCOMAR", LocalDate.of(2027, 2, 28))));
        assertThat(ReviewDates.overdue(policy, LocalDate.of(2027, 4, 1))).extracting(OverdueReview::what).containsExactly(
                "Executive summary prompt (exec-summary.v1)", "Runbook decision tree of Deepfake / synthetic media",
                "AI failure modes", "Root-cause write-up prompt (rca.v1)", "Runbook decision tree of LLM hallucination",
                "Triage prompt (triage.v2)", "Triage routing rule confident-deepfake", "Triage routing rule confident-hallucination",
                "Triage routing rule regulatory-needs-a-human", "Triage routing rule sev1-needs-a-human",
                "Triage routing rule unsure-needs-a-human");
    }

    @Test
    void the_reminder_goes_to_the_team_channel_only_when_something_is_overdue() {
        assertThat(new ReviewDates(policy, at("2027-02-26T23:59:00Z")).reminder()).isEmpty();
        assertThat(new ReviewDates(policy, at("2027-02-27T00:00:00Z")).reminder()).get()
                .extracting(SlackEffect.ReviewReminder::channel).isEqualTo("escalations");
    }

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }
}
