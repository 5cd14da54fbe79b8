package app.escalate.bot.render;

import app.escalate.commands.Case;
import app.escalate.commands.CaseId;
import app.escalate.commands.CaseState;
import app.escalate.commands.Reply;
import app.escalate.commands.Severity;
import app.escalate.commands.Usage;
import app.escalate.commands.UserId;
import app.escalate.config.PolicyLoader;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyRendererTest {
    private final ReplyRenderer renderer = new ReplyRenderer(PolicyLoader.builtIn());

    private static Case caseOf(long n, Severity severity) {
        return new Case(new CaseId(n), "Title " + n, severity, CaseState.TRIAGE, Optional.empty(), Optional.empty(), new UserId("U0ESCMARIA"),
                Optional.empty(), Instant.parse("2026-11-28T03:00:00Z"), Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    @Test
    void usage_escapes_the_problem_it_quotes() {
        SlackMessage message = renderer.render(new Reply.Usage(Optional.of("I don't know `<!channel>`.")));

        assertThat(message.text()).startsWith("I don't know `&lt;!channel&gt;`.\n*Usage*\n`/esc open &lt;title&gt; [sev1-4]")
                .doesNotContain("<title>", "<case-type>");
    }

    @Test
    void a_refusal_is_escaped_text() {
        assertThat(renderer.render(new Reply.Refusal("No case <@U1>")).text()).isEqualTo("No case &lt;@U1&gt;");
    }

    @Test
    void the_case_list_counts_what_it_leaves_out() {
        SlackMessage message = renderer.render(new Reply.CaseList(List.of(caseOf(2, Severity.SEV1), caseOf(1, Severity.SEV3)), 17));

        assertThat(message.text()).isEqualTo("""
                *Open cases* (17), most severe first
                • *ESC-2 · SEV1 · triage* Title 2
                • *ESC-1 · SEV3 · triage* Title 1
                …and 15 more""");
    }

    @Test
    void no_open_cases_is_said_plainly() {
        assertThat(renderer.render(new Reply.CaseList(List.of(), 0)).text()).isEqualTo("No open cases.");
    }
}
