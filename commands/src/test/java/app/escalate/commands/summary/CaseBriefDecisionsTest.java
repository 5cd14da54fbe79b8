package app.escalate.commands.summary;

import app.escalate.commands.CaseDecision;
import app.escalate.commands.CaseFile;
import app.escalate.commands.SignOff;
import app.escalate.commands.UserId;
import app.escalate.config.PolicyLoader;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A case's decisions, with where their sign-off stands, are facts a draft may state: in the prompt, the template summary and the RCA. */
class CaseBriefDecisionsTest {
    private static final UserId OMAR = new UserId("U0ESCOMAR");

    @Test
    void decisions_and_their_sign_off_are_facts_of_the_prompt_the_summary_and_the_rca() {
        Instant at = DraftCheckTest.OPENED.plusSeconds(600);
        CaseDecision pending = CaseDecision.taken(1, "Take the clip down in the EU", "the host confirmed it is synthetic",
                List.of("geo-blocking it"), DraftCheckTest.MARIA, at, List.of("legal", "policy"));
        CaseDecision rejected = CaseDecision.taken(2, "Tell the press", "they are calling", List.of(), DraftCheckTest.MARIA, at, List.of("policy"))
                .signed(List.of(new SignOff("policy", OMAR, SignOff.Verdict.OBJECTED, Optional.of("wording not cleared"), at)));
        CaseFile file = new CaseFile(DraftCheckTest.deepfake(), List.of(), Set.of(), Set.of(DraftCheckTest.MARIA))
                .withDecision(pending).withDecision(rejected);

        CaseBrief brief = CaseBrief.of(file, List.of(), PolicyLoader.builtIn(), DraftCheckTest.NOW, CaseBrief.TIMELINE_BUDGET);

        String first = "#1 Take the clip down in the EU (because the host confirmed it is synthetic; instead of geo-blocking it), decided by <@"
                + DraftCheckTest.MARIA.value() + "> at " + CaseBrief.TIME.format(at) + ": pending sign-off, waiting on legal, policy";
        String second = "#2 Tell the press (because they are calling), decided by <@" + DraftCheckTest.MARIA.value() + "> at "
                + CaseBrief.TIME.format(at) + ": rejected, policy objected: wording not cleared";
        assertThat(brief.decisions()).containsExactly(first, second);
        assertThat(Prompts.data(brief)).contains("Decisions:\n- " + first + "\n- " + second);
        assertThat(TemplateDrafts.execSummary(brief, Optional.empty(), DraftCheckTest.NOW)).contains("Decisions: " + first + "; " + second + ".");
        assertThat(TemplateDrafts.rca(brief)).contains("Decisions\n- " + first + "\n- " + second);
        // The time a decision was taken is one a draft may state.
        assertThat(DraftCheck.check("Decided at " + CaseBrief.TIME.format(at) + ".", brief).findings()).isEmpty();
    }

    @Test
    void a_case_with_many_long_decisions_tells_a_draft_every_pending_one_and_the_latest_settled_each_cut() {
        Instant at = DraftCheckTest.OPENED.plusSeconds(600);
        String longest = "x".repeat(3000);
        CaseFile file = new CaseFile(DraftCheckTest.deepfake(), List.of(), Set.of(), Set.of(DraftCheckTest.MARIA));
        for (int n = 1; n <= 12; n++) {
            file = file.withDecision(CaseDecision.taken(n, "Decision " + n + " " + longest, longest, List.of(longest), DraftCheckTest.MARIA, at,
                    n == 2 ? List.of("legal") : List.of()));
        }

        CaseBrief brief = CaseBrief.of(file, List.of(), PolicyLoader.builtIn(), DraftCheckTest.NOW, CaseBrief.TIMELINE_BUDGET);

        assertThat(brief.decisions()).extracting(d -> d.substring(0, d.indexOf(' ')))
                .containsExactly("#2", "#8", "#9", "#10", "#11", "#12");
        assertThat(brief.decisions()).allSatisfy(d -> assertThat(d.length()).isLessThanOrEqualTo(CaseBrief.DECISION));
    }
}
