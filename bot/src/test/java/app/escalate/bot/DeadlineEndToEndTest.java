package app.escalate.bot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deadlines that run on someone else's clock: a regulator's reply date computed from when the
 * request was received (not when the case was opened here), warned, breached across a restart, and
 * listed first in the handoff digest; and one typed by a person, in their own time zone.
 */
class DeadlineEndToEndTest {
    private static final String MARIA = "U0ESCMARIA";
    private static final String KENJI = "U0ESCKENJI";
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Received eight days before the harness's clock starts: the 10-day reply is due two days after it. */
    private static final Instant RECEIVED = Instant.parse("2026-11-16T14:00:00Z");
    private static final Instant DUE = RECEIVED.plus(Duration.ofDays(10));

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    private static String submitted() {
        return """
                {"type":"view_submission","team":{"id":"T0FAKE","domain":"fake"},
                 "user":{"id":"%s","username":"maria","name":"maria","team_id":"T0FAKE"},"api_app_id":"A0ESC","token":"t","trigger_id":"1.2.5",
                 "view":{"id":"V0VIEW1","team_id":"T0FAKE","type":"modal","callback_id":"open_case","private_metadata":"C0TEAM","hash":"h2",
                   "title":{"type":"plain_text","text":"Open a case"},"blocks":[],
                   "state":{"values":{
                     "title":{"title":{"type":"plain_text_input","value":"Ofcom asks for the takedown log"}},
                     "case_type":{"case_type":{"type":"static_select","selected_option":{"text":{"type":"plain_text","text":"r"},"value":"regulatory-request"}}},
                     "field_regulator":{"field_regulator":{"type":"plain_text_input","value":"Ofcom"}},
                     "field_received_at":{"field_received_at":{"type":"datetimepicker","selected_date_time":%d}}}}}}
                """.formatted(MARIA, RECEIVED.getEpochSecond());
    }

    private static boolean says(FakeSlackApi.Call c, String channel, String start) {
        return channel.equals(c.param("channel")) && c.param("text") != null && c.param("text").startsWith(start);
    }

    @Test
    void a_regulators_deadline_from_received_at_is_warned_breached_across_a_restart_and_leads_the_digest() throws Exception {
        harness.esc("U0ESCCHLOE", "C0TEAM", "open Refund scam spreading sev1");   // unacknowledged: it needs action too
        harness.client().postPayload(submitted());
        FakeSlackApi.Call card = harness.slack.await("chat.postMessage", c -> c.json("blocks") != null && c.json("blocks").contains("ESC-2 ·"), WAIT);
        String channel = card.param("channel");
        assertThat(card.json("blocks")).contains("*Deadlines*", "*regulator-reply* <!date^" + DUE.getEpochSecond());

        harness.advance(Duration.ofHours(2));                       // two days before it is due
        FakeSlackApi.Call warning = harness.slack.await("chat.postMessage",
                c -> says(c, channel, ":hourglass_flowing_sand: The deadline *regulator-reply* is near"), WAIT);
        assertThat(warning.param("text")).contains("<!date^" + DUE.getEpochSecond(), "<@U0ESCAMARA>");
        harness.awaitRuns("deadline-sweep", 1);                     // a later sweep warns no more
        assertThat(harness.slack.calls("chat.postMessage")).filteredOn(c -> says(c, channel, ":hourglass_flowing_sand: The deadline")).hasSize(1);

        String digest = harness.esc(MARIA, "C0TEAM", "handoff").toString();
        String needsAction = digest.substring(digest.indexOf("Needs action"));
        assertThat(needsAction.indexOf("ESC-2")).as(needsAction).isGreaterThan(0).isLessThan(needsAction.indexOf("ESC-1"));
        assertThat(needsAction).contains("deadline *regulator-reply* due <!date^" + DUE.getEpochSecond());

        harness.restartAfter(Duration.ofDays(2));                   // down when it runs out: the breach is raised when the bot is back
        harness.slack.await("chat.postMessage", c -> says(c, channel, ":red_circle: The deadline *regulator-reply* is breached"), WAIT);
        harness.slack.await("chat.update", c -> channel.equals(c.param("channel")) && c.json("blocks").contains("*regulator-reply* was due"), WAIT);
        harness.awaitRuns("deadline-sweep", 1);
        assertThat(harness.slack.calls("chat.postMessage")).filteredOn(c -> says(c, channel, ":red_circle: The deadline")).hasSize(1);
        assertThat(harness.slack.calls("chat.postMessage")).filteredOn(c -> says(c, channel, ":hourglass_flowing_sand: The deadline")).hasSize(1);
    }

    @Test
    void a_deadline_typed_with_a_time_of_day_is_read_in_the_askers_zone_and_listed() throws Exception {
        harness.slack.timeZone(KENJI, "Asia/Tokyo");
        harness.esc(KENJI, "C0TEAM", "open Partner asks for a statement sev3");
        String channel = harness.slack.await("pins.add").param("channel");

        harness.client().post(SignedSlackClient.slashCommand(KENJI, channel, "deadline partner-statement 2026-11-25 18:00",
                harness.slack.responseUrl("dl")));
        Instant due = Instant.parse("2026-11-25T09:00:00Z");       // 18:00 in Tokyo
        FakeSlackApi.Call set = harness.slack.await("chat.postMessage", c -> says(c, channel, "<@" + KENJI + "> set the deadline"), WAIT);
        assertThat(set.param("text")).contains("*partner-statement*: due <!date^" + due.getEpochSecond());

        String list = harness.esc(KENJI, channel, "deadline").get("text").getAsString();
        assertThat(list).contains("*Deadlines of ESC-1*", "*partner-statement* <!date^" + due.getEpochSecond());
        assertThat(harness.esc(KENJI, channel, "deadline done partner-statement").toString()).contains("done, in time");
        assertThat(harness.esc(KENJI, channel, "deadline drop partner-statement because they withdrew").get("text").getAsString())
                .isEqualTo("ESC-1 has no open deadline `partner-statement`.");
    }
}
