package app.escalate.bot.sandbox;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A typed command as Slack's servers pass it on: escaped, with the people and channels it names as mentions. */
class MentionsTest {
    private final List<Workspace.Person> people = List.of(new Workspace.Person("U0ESCMARIA", "Maria", "UTC", false),
            new Workspace.Person("U0ESCCHLOE", "Chloe Martin", "UTC", false));
    private final List<Workspace.Channel> channels = List.of(
            new Workspace.Channel("C0TEAM", "escalations", false, new LinkedHashSet<>(), "", false, false),
            new Workspace.Channel("D0MARIA", "dm-U0ESCMARIA", true, new LinkedHashSet<>(), "", true, false));

    private String encode(String typed) {
        return Mentions.encode(typed, people, channels);
    }

    @Test
    void a_member_named_by_display_or_first_name_in_any_case_becomes_a_mention() {
        assertThat(encode("owner @maria")).isEqualTo("owner <@U0ESCMARIA|maria>");
        assertThat(encode("task add Draft the statement @Chloe")).isEqualTo("task add Draft the statement <@U0ESCCHLOE|chloe>");
        assertThat(encode("override @MARIA 2026-11-28 09:00 2026-11-29 09:00")).startsWith("override <@U0ESCMARIA|maria> 2026-11-28");
    }

    @Test
    void channels_and_special_mentions_are_encoded_and_everything_else_is_escaped_as_typed() {
        assertThat(encode("note see #escalations, not #nowhere")).isEqualTo("note see <#C0TEAM|escalations>, not #nowhere");
        assertThat(encode("note @here the <b>press</b> & mail@example.com @nobody"))
                .isEqualTo("note <!here> the &lt;b&gt;press&lt;/b&gt; &amp; mail@example.com @nobody");
        assertThat(encode("note #dm-U0ESCMARIA")).as("a direct conversation is not a channel one can name").isEqualTo("note #dm-U0ESCMARIA");
    }
}
