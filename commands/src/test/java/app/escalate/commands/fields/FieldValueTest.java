package app.escalate.commands.fields;

import app.escalate.config.CaseField;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of field reads what people type in Slack (links and mentions as Slack sends them) into one kept value, or says why not. */
class FieldValueTest {
    private static CaseField field(String type, String... options) {
        return new CaseField("f", "F", type, options.length == 0 ? null : List.of(options), null, null, null);
    }

    private static String value(CaseField field, String typed) {
        FieldValue.Read read = FieldValue.read(field, typed);
        assertThat(read).as(typed).isInstanceOf(FieldValue.Value.class);
        return ((FieldValue.Value) read).value();
    }

    private static String refused(CaseField field, String typed) {
        FieldValue.Read read = FieldValue.read(field, typed);
        assertThat(read).as(typed).isInstanceOf(FieldValue.Refused.class);
        return ((FieldValue.Refused) read).why();
    }

    @Test
    void a_url_is_a_web_link_as_typed_or_as_slack_wraps_it() {
        CaseField url = field("url");
        assertThat(value(url, "<https://video.example/watch?v=1&amp;t=2|video.example/watch>")).isEqualTo("https://video.example/watch?v=1&t=2");
        assertThat(value(url, "<http://example.org/a>")).isEqualTo("http://example.org/a");
        assertThat(value(url, "https://example.org/b")).isEqualTo("https://example.org/b");
        assertThat(refused(url, "video.example/watch")).isEqualTo("`f` is a link starting http:// or https://, not `video.example/watch`.");
        assertThat(refused(url, "javascript:alert(1)")).startsWith("`f` is a link starting http");
        assertThat(refused(url, "https://")).startsWith("`f` is a link starting http");
        assertThat(refused(url, "https://a b")).startsWith("`f` is a link starting http");
        assertThat(refused(url, "  ")).isEqualTo("Give `f` a value: a link starting https://.");
    }

    @Test
    void choices_are_the_policys_options_in_any_case_kept_as_the_policy_spells_them_in_its_order() {
        CaseField one = field("choice", "EU", "UK", "US", "Other");
        assertThat(value(one, "uk")).isEqualTo("UK");
        assertThat(refused(one, "France")).isEqualTo("`f` is one of EU, UK, US, Other; `France` is not one of them.");
        CaseField many = field("choices", "search", "assistant", "video");
        assertThat(value(many, "Video, search,search")).isEqualTo("search, video");
        assertThat(refused(many, "video, radio")).isEqualTo("`f` takes any of search, assistant, video; `radio` is not one of them.");
        assertThat(refused(many, ", ,")).startsWith("Give `f` a value");
    }

    @Test
    void a_time_needs_its_zone_and_is_kept_as_an_instant() {
        CaseField at = field("datetime");
        assertThat(value(at, "2026-12-01 09:00 Europe/Brussels")).isEqualTo("2026-12-01T08:00:00Z");
        assertThat(value(at, "2026-12-01T09:00 UTC")).isEqualTo("2026-12-01T09:00:00Z");
        assertThat(value(at, "2026-07-01 09:00 +02:00")).isEqualTo("2026-07-01T07:00:00Z");
        assertThat(refused(at, "2026-12-01 09:00")).startsWith("Say which time zone `2026-12-01 09:00` is in");
        assertThat(refused(at, "2026-02-30 09:00 UTC")).isEqualTo("That is not a real date and time: 2026-02-30 09:00.");
        assertThat(refused(at, "2026-12-01 09:00 Mars/Olympus")).startsWith("`Mars/Olympus` is not a time zone");
        assertThat(refused(at, "tomorrow")).startsWith("`f` is a date, time and zone");
    }

    @Test
    void numbers_people_and_text_read_as_people_write_them() {
        assertThat(value(field("number"), "12,000")).isEqualTo("12000");
        assertThat(value(field("number"), "2.50")).isEqualTo("2.5");
        assertThat(refused(field("number"), "-3")).startsWith("`f` is a number");
        assertThat(refused(field("number"), "1,00")).startsWith("`f` is a number");
        assertThat(value(field("user"), "<@U0ESCPRIYA|priya>")).isEqualTo("U0ESCPRIYA");
        assertThat(refused(field("user"), "<@U0ESCPRIYA> and <@U0ESCOMAR>")).isEqualTo("`f` is one person, named with @, such as `@maria`.");
        assertThat(refused(field("user"), "priya")).startsWith("`f` is one person");
        assertThat(value(field("text"), "assistant &lt;large&gt; &amp; <@U0ESCKENJI|kenji>")).isEqualTo("assistant <large> & @kenji");
        assertThat(refused(field("text"), "x".repeat(501))).isEqualTo("`f` holds at most 500 characters; this has 501.");
        assertThat(value(field("long_text"), "y".repeat(3000))).hasSize(3000);
    }
}
