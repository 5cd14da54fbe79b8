package app.escalate.bot.paging;

import app.escalate.commands.Case;
import app.escalate.commands.CaseChannel;
import app.escalate.commands.ChannelId;
import app.escalate.commands.CaseId;
import app.escalate.commands.NewCase;
import app.escalate.commands.PersonPage;
import app.escalate.commands.Severity;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PagerRequestTest {
    private static final Instant AT = Instant.parse("2026-11-24T12:00:00Z");
    private static final PersonPage ASKED = new PersonPage(2, new UserId("U0ESCKENJI"), Optional.empty(), Optional.empty(),
            Optional.of(new UserId("U0ESCAMARA")), Optional.empty(), Optional.of("the minister's lawyer called"), AT, AT, 0, Optional.empty(),
            PersonPage.Status.OPEN, Optional.empty(), Set.of(), Optional.empty());

    /** With its channel, whose name is made from the title as every case channel's is. */
    private static Case opened(boolean restricted) {
        Case c = new NewCase("Deepfake of the minister", Severity.SEV1, Optional.empty(), Optional.empty(), Optional.empty(),
                new UserId("U0ESCCHLOE"), AT, restricted).numbered(new CaseId(12));
        return new Case(c.id(), c.title(), c.severity(), c.state(), c.caseType(), c.surface(), c.reporter(), c.owner(), c.openedAt(),
                Optional.of(new CaseChannel(new ChannelId("C0CH12"), "esc-12-deepfake-of-the-minister")), c.acknowledged(), c.resolution(),
                c.restricted());
    }

    @Test
    void a_restricted_cases_title_and_the_pages_reason_never_reach_a_pager() {
        SlackEffect.PagerCall call = new SlackEffect.PagerCall(new CaseId(12), "pagerduty", "trigger", "ESC-12-page-2", 2,
                Optional.of(new UserId("U0ESCKENJI")));
        String open = PagerRequest.pagerDuty("k".repeat(32), call, opened(false), Optional.of(ASKED), "Kenji Sato");
        assertThat(open).contains("ESC-12 SEV1: Deepfake of the minister — the minister's lawyer called (paging Kenji Sato)", "\"critical\"",
                "#esc-12-deepfake-of-the-minister", "https://slack.com/app_redirect?channel=C0CH12");
        String restricted = PagerRequest.pagerDuty("k".repeat(32), call, opened(true), Optional.of(ASKED), "Kenji Sato");
        assertThat(restricted).contains("ESC-12 SEV1: restricted case: details in Slack (paging Kenji Sato)")
                .doesNotContain("minister", "lawyer");
        assertThat(PagerRequest.webhook(call, opened(true), Optional.of(ASKED), "Kenji Sato", AT.toString())).doesNotContain("minister", "lawyer");
    }

    @Test
    void acknowledge_and_resolve_carry_only_the_key() {
        SlackEffect.PagerCall ack = new SlackEffect.PagerCall(new CaseId(12), "pagerduty", "acknowledge", "ESC-12", 1, Optional.empty());
        assertThat(PagerRequest.pagerDuty("k".repeat(32), ack, opened(false), Optional.empty(), ""))
                .isEqualTo("{\"routing_key\":\"" + "k".repeat(32) + "\",\"event_action\":\"acknowledge\",\"dedup_key\":\"ESC-12\"}");
    }
}
