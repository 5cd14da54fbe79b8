package app.escalate.commands;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CaseActionGrammarTest {
    private static final UserId KENJI = new UserId("U0ESCKENJI");

    private static EscCommand here(CaseAction action) {
        return new EscCommand.OnCase(Optional.empty(), action);
    }

    private static String problem(String text) {
        EscCommand command = CommandParser.parse(text);
        assertThat(command).isInstanceOf(EscCommand.Invalid.class);
        return ((EscCommand.Invalid) command).problem();
    }

    @Test
    void reads_each_case_sub_command() {
        assertThat(CommandParser.parse("ack")).isEqualTo(here(new CaseAction.Acknowledge()));
        assertThat(CommandParser.parse("sev 3 because only one user saw it"))
                .isEqualTo(here(new CaseAction.SetSeverity(Severity.SEV3, Optional.of("only one user saw it"))));
        assertThat(CommandParser.parse("sev sev1")).isEqualTo(here(new CaseAction.SetSeverity(Severity.SEV1, Optional.empty())));
        assertThat(CommandParser.parse("state Mitigated")).isEqualTo(here(new CaseAction.MoveTo(CaseState.MITIGATED)));
        assertThat(CommandParser.parse("owner <@U0ESCKENJI|kenji>")).isEqualTo(here(new CaseAction.SetOwner(KENJI)));
        assertThat(CommandParser.parse("note Host &amp; CDN asked to remove <!here>"))
                .isEqualTo(here(new CaseAction.AddNote("Host & CDN asked to remove @here")));
        assertThat(CommandParser.parse("task add Ask the host for logs <@U0ESCKENJI|kenji>"))
                .isEqualTo(here(new CaseAction.AddTask("Ask the host for logs", Optional.of(KENJI))));
        assertThat(CommandParser.parse("task add Tell <@U0ESCKENJI> later"))
                .isEqualTo(here(new CaseAction.AddTask("Tell @U0ESCKENJI later", Optional.empty())));
        assertThat(CommandParser.parse("task done #2")).isEqualTo(here(new CaseAction.CompleteTask(2)));
        assertThat(CommandParser.parse("task list")).isEqualTo(here(new CaseAction.ListTasks()));
        assertThat(CommandParser.parse("loop Legal")).isEqualTo(here(new CaseAction.LoopIn("legal")));
        assertThat(CommandParser.parse("resolve Removed everywhere cause:third-party"))
                .isEqualTo(here(new CaseAction.Resolve("Removed everywhere", Optional.of("third-party"))));
        assertThat(CommandParser.parse("reopen")).isEqualTo(here(new CaseAction.Reopen()));
        assertThat(CommandParser.parse("timeline 3")).isEqualTo(here(new CaseAction.ShowTimeline(3)));
        assertThat(CommandParser.parse("rca")).isEqualTo(here(new CaseAction.DraftRca()));
    }

    @Test
    void a_leading_case_id_names_the_case() {
        assertThat(CommandParser.parse("sev ESC-12 1"))
                .isEqualTo(new EscCommand.OnCase(Optional.of(new CaseId(12)), new CaseAction.SetSeverity(Severity.SEV1, Optional.empty())));
        assertThat(CommandParser.parse("ack esc-4"))
                .isEqualTo(new EscCommand.OnCase(Optional.of(new CaseId(4)), new CaseAction.Acknowledge()));
    }

    @Test
    void explains_what_it_cannot_read() {
        assertThat(problem("sev 5")).isEqualTo("`sev` takes a level from 1 to 4, e.g. `/esc sev 2`.");
        assertThat(problem("state resolved")).isEqualTo("To resolve, say how: `/esc resolve <resolution>`.");
        assertThat(problem("state sleeping")).startsWith("`state` takes one of");
        assertThat(problem("owner maria")).isEqualTo("`owner` takes one @person, e.g. `/esc owner @maria`.");
        assertThat(problem("owner <@U0ESCKENJI> <@U0ESCMARIA>")).startsWith("`owner` takes one @person");
        assertThat(problem("note")).startsWith("`note` needs the text");
        assertThat(problem("note " + "x".repeat(3001))).isEqualTo("A note is at most 3000 characters; this one has 3001.");
        assertThat(problem("task done soon")).startsWith("`task done` takes the task's number");
        assertThat(problem("task juggle")).startsWith("`task` is `task add");
        assertThat(problem("resolve")).startsWith("`resolve` needs the resolution");
        assertThat(problem("resolve cause:unknown")).startsWith("`resolve` needs the resolution");
        assertThat(problem("ack now please")).isEqualTo("`ack` takes no text after it.");
        assertThat(problem("timeline 0")).startsWith("`timeline` takes a page number");
        assertThat(problem("loop two groups")).startsWith("`loop` takes one group name");
    }
}
