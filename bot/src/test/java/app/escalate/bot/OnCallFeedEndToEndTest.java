package app.escalate.bot;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The iCalendar feed of a rotation's shifts, read back with ical4j as a calendar app would. */
class OnCallFeedEndToEndTest {
    @RegisterExtension
    final BotHarness harness = new BotHarness();

    private static Instant instant(VEvent event, String property) {
        Temporal t = (Temporal) event.getProperty(property).map(p -> ((net.fortuna.ical4j.model.property.DateProperty<?>) p).getDate())
                .orElseThrow();
        return Instant.from(t);
    }

    private List<VEvent> events() throws Exception {
        HttpResponse<String> res = harness.get("/oncall/escalations.ics?token=" + BotHarness.FEED_TOKEN);
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/calendar"));
        Calendar calendar = new CalendarBuilder().build(new StringReader(res.body()));
        return calendar.getComponents("VEVENT");
    }

    private static String summary(VEvent e) {
        return e.getProperty(Property.SUMMARY).map(Property::getValue).orElse("");
    }

    @Test
    void the_feed_lists_shifts_that_parse_back_and_include_overrides() throws Exception {
        List<VEvent> before = events();
        VEvent now = before.stream().filter(e -> summary(e).startsWith("Primary")
                && !instant(e, Property.DTSTART).isAfter(BotHarness.START) && instant(e, Property.DTEND).isAfter(BotHarness.START))
                .findFirst().orElseThrow();
        assertThat(summary(now)).isEqualTo("Primary on call: U0ESCAMARA (EMEA)");
        assertThat(instant(now, Property.DTSTART)).isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
        assertThat(instant(now, Property.DTEND)).isEqualTo(Instant.parse("2026-11-24T16:00:00Z"));
        assertThat(before).anyMatch(e -> summary(e).startsWith("Secondary on call: "));
        assertThat(before.stream().map(e -> e.getProperty(Property.UID).orElseThrow().getValue()).distinct()).hasSize(before.size());

        harness.esc("U0ESCKENJI", "C0TEAM", "override <@U0ESCKENJI|kenji> 2026-11-26 09:00 2026-11-26 11:00");
        harness.slack.await("response_url", c -> c.param("text").startsWith("Override #1"), java.time.Duration.ofSeconds(10));

        assertThat(events()).anyMatch(e -> summary(e).equals("Primary on call: U0ESCKENJI (override)")
                && instant(e, Property.DTSTART).equals(Instant.parse("2026-11-26T09:00:00Z")));
    }

    @Test
    void the_feed_needs_the_token_and_a_known_rotation() throws Exception {
        assertThat(harness.get("/oncall/escalations.ics").statusCode()).isEqualTo(403);
        assertThat(harness.get("/oncall/escalations.ics?token=guess").statusCode()).isEqualTo(403);
        assertThat(harness.get("/oncall/nope.ics?token=" + BotHarness.FEED_TOKEN).statusCode()).isEqualTo(404);
    }
}
