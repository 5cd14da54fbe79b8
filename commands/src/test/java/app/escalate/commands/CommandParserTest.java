package app.escalate.commands;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CommandParserTest {

    @Test
    void reads_watch_and_handoff() {
        assertThat(CommandParser.parse("watch")).isEqualTo(new EscCommand.OnCase(Optional.empty(), new CaseAction.Watch(true)));
        assertThat(CommandParser.parse("watch ESC-4 off"))
                .isEqualTo(new EscCommand.OnCase(Optional.of(new CaseId(4)), new CaseAction.Watch(false)));
        assertThat(CommandParser.parse("watch tomorrow")).isEqualTo(
                new EscCommand.Invalid("`watch` flags the case for the next handoff; `watch off` takes the flag off."));
        assertThat(CommandParser.parse("handoff")).isEqualTo(new EscCommand.ShowHandoff(Optional.empty()));
        assertThat(CommandParser.parse("handoff escalations")).isEqualTo(new EscCommand.ShowHandoff(Optional.of("escalations")));
        assertThat(CommandParser.parse("handoff note ESC-4 waits on the host &amp; legal"))
                .isEqualTo(new EscCommand.HandoffNote("ESC-4 waits on the host & legal"));
        assertThat(CommandParser.parse("handoff note")).isInstanceOf(EscCommand.Invalid.class);
        assertThat(CommandParser.parse("handoff history")).isEqualTo(new EscCommand.HandoffHistory(Optional.empty()));
        assertThat(CommandParser.parse("handoff history Escalations"))
                .isEqualTo(new EscCommand.HandoffHistory(Optional.of("escalations")));
        assertThat(CommandParser.parse("handoff to maria now")).isInstanceOf(EscCommand.Invalid.class);
        assertThat(CommandParser.subCommand("handoff note x")).isEqualTo("handoff");
    }

    @Test
    void reads_tag_and_ai_with_its_window() {
        assertThat(CommandParser.parse("tag")).isEqualTo(new EscCommand.OnCase(Optional.empty(), new CaseAction.ListOverrides()));
        assertThat(CommandParser.parse("tag ESC-3")).isEqualTo(new EscCommand.OnCase(Optional.of(new CaseId(3)), new CaseAction.ListOverrides()));
        assertThat(CommandParser.parse("tag invented-fact")).isInstanceOf(EscCommand.Invalid.class);
        assertThat(CommandParser.parse("ai")).isEqualTo(new EscCommand.AiLedger(30));
        assertThat(CommandParser.parse("AI 90d")).isEqualTo(new EscCommand.AiLedger(90));
        assertThat(CommandParser.parse("ai 5d")).isEqualTo(new EscCommand.Invalid("`ai` takes a window of `7d`, `30d` (the default) or `90d`."));
        assertThat(CommandParser.parse("stats 7d")).isEqualTo(new EscCommand.Stats(7));
        assertThat(CommandParser.subCommand("ai 7d")).isEqualTo("ai");
    }

    @Test
    void reads_a_title_with_a_trailing_severity() {
        assertThat(CommandParser.parse("open Deepfake video of a candidate spreading sev1"))
                .isEqualTo(new EscCommand.Open("Deepfake video of a candidate spreading", Optional.of(Severity.SEV1), Optional.empty()));
    }

    @Test
    void reads_options_before_or_after_the_title_in_any_case() {
        assertThat(CommandParser.parse("  OPEN   SEV2 type:Deepfake  Fake   CEO audio  "))
                .isEqualTo(new EscCommand.Open("Fake CEO audio", Optional.of(Severity.SEV2), Optional.of("deepfake")));
        assertThat(CommandParser.parse("open Fake CEO audio type:deepfake sev4"))
                .isEqualTo(new EscCommand.Open("Fake CEO audio", Optional.of(Severity.SEV4), Optional.of("deepfake")));
    }

    @Test
    void stores_the_title_as_typed_with_slacks_escapes_and_mentions_decoded() {
        assertThat(CommandParser.parse("open Ads &amp; apps for <@U0ESCKENJI|kenji> &lt;3 sev2"))
                .isEqualTo(new EscCommand.Open("Ads & apps for @kenji <3", Optional.of(Severity.SEV2), Optional.empty()));
    }

    @Test
    void leaves_words_inside_the_title_alone() {
        assertThat(CommandParser.parse("open sev1 model says sev2 is fine"))
                .isEqualTo(new EscCommand.Open("model says sev2 is fine", Optional.of(Severity.SEV1), Optional.empty()));
    }

    @Test
    void refuses_what_it_cannot_read_with_a_reason() {
        assertThat(CommandParser.parse("open sev1")).isEqualTo(new EscCommand.Invalid("`/esc open` needs a title."));
        assertThat(CommandParser.parse("open")).isEqualTo(new EscCommand.OpenForm());
        assertThat(CommandParser.parse("open Outage sev7"))
                .isEqualTo(new EscCommand.Invalid("Severity is `sev1` to `sev4`, not `sev7`."));
        assertThat(CommandParser.parse("open Outage sev1 sev2")).isEqualTo(new EscCommand.Invalid("Give one severity only."));
        assertThat(CommandParser.parse("open Outage type:")).isInstanceOf(EscCommand.Invalid.class);
        assertThat(CommandParser.parse("frobnicate now")).isEqualTo(new EscCommand.Invalid("I don't know `frobnicate`."));
    }

    @Test
    void refuses_a_title_over_150_characters() {
        EscCommand command = CommandParser.parse("open " + "x".repeat(151));
        assertThat(command).isInstanceOf(EscCommand.Invalid.class);
        assertThat(((EscCommand.Invalid) command).problem()).contains("at most 150", "151");
        assertThat(CommandParser.parse("open " + "x".repeat(150))).isInstanceOf(EscCommand.Open.class);
    }

    @Test
    void counts_characters_as_people_do_an_emoji_is_one() {
        String fire = "\uD83D\uDD25";
        assertThat(CommandParser.parse("open " + fire.repeat(150))).isInstanceOf(EscCommand.Open.class);
        assertThat(CommandParser.parse("open " + fire.repeat(151))).isInstanceOfSatisfying(EscCommand.Invalid.class,
                invalid -> assertThat(invalid.problem()).contains("at most 150", "this one has 151"));
        assertThat(CommandParser.parse("note " + fire.repeat(3000))).isNotInstanceOf(EscCommand.Invalid.class);
    }

    @Test
    void a_clip_never_cuts_an_emoji_in_half() {
        String fire = "\uD83D\uDD25";
        assertThat(SlackText.clip(fire.repeat(10), 5)).isEqualTo(fire.repeat(4) + "…");
        assertThat(SlackText.length(SlackText.clip(fire.repeat(10), 5))).isEqualTo(5);
        assertThat(SlackText.head(fire.repeat(10), 3)).isEqualTo(fire.repeat(3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "help", "HELP me"})
    void empty_text_and_help_ask_for_the_usage(String text) {
        assertThat(CommandParser.parse(text)).isEqualTo(new EscCommand.Help());
    }

    @Test
    void status_takes_an_optional_case_id() {
        assertThat(CommandParser.parse("status")).isEqualTo(new EscCommand.Status(Optional.empty()));
        assertThat(CommandParser.parse("status esc-12")).isEqualTo(new EscCommand.Status(Optional.of(new CaseId(12))));
        assertThat(CommandParser.parse("status twelve")).isInstanceOf(EscCommand.Invalid.class);
        assertThat(CommandParser.parse("status ESC-0")).isInstanceOf(EscCommand.Invalid.class);
        assertThat(CommandParser.parse("ack ESC-0")).isEqualTo(new EscCommand.Invalid("`ack` takes no text after it."));
    }

    @Test
    void names_the_sub_command_with_a_bounded_label() {
        assertThat(CommandParser.subCommand("OPEN Outage sev1")).isEqualTo("open");
        assertThat(CommandParser.subCommand("")).isEqualTo("help");
        assertThat(CommandParser.subCommand("drop table cases")).isEqualTo("unknown");
    }

    @Test
    void null_text_is_help_not_an_exception() {
        assertThat(CommandParser.parse(null)).isEqualTo(new EscCommand.Help());
    }
}
