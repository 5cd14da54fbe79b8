package app.escalate.commands.summary;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.EventData;
import app.escalate.config.PolicyLoader;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A case's fields are facts a draft may state, except a restricted one, which never reaches a model. */
class CaseBriefFieldsTest {
    private static final String PROMPT = "My name is Ana Sousa, my card ends 4421: why was I charged twice?";

    @Test
    void filled_fields_are_facts_in_the_prompt_and_the_template_and_a_restricted_ones_value_is_nowhere() {
        CaseFile file = new CaseFile(DraftCheckTest.deepfake(), List.of(), Set.of(), Set.of(DraftCheckTest.MARIA))
                .withField("media_url", "https://video.example/watch?v=1").withField("depicted", "Public figure")
                .withField("first_seen", "2026-11-24T11:30:00Z").withField("spread", "120000");
        List<CaseEvent> timeline = List.of(new CaseEvent(file.id(), DraftCheckTest.OPENED.plusSeconds(60), DraftCheckTest.MARIA,
                new EventData.FieldSet("spread", "Spread estimate (views)", Optional.empty(), "120000")));

        CaseBrief brief = CaseBrief.of(file, timeline, PolicyLoader.builtIn(), DraftCheckTest.NOW, CaseBrief.TIMELINE_BUDGET);

        assertThat(brief.fields()).containsExactly("Depicted person: Public figure", "Media URL: https://video.example/watch?v=1",
                "First seen: 2026-11-24 11:30 UTC", "Spread estimate (views): 120000", "Deadline takedown: due 2026-11-26 12:00 UTC (open)");
        assertThat(Prompts.data(brief)).contains("Facts recorded:\n- Depicted person: Public figure\n- Media URL: https://video.example/watch?v=1");
        assertThat(TemplateDrafts.execSummary(brief, Optional.empty(), DraftCheckTest.NOW))
                .contains("Facts: Depicted person: Public figure; Media URL: https://video.example/watch?v=1; First seen: 2026-11-24 11:30 UTC");
        // The time and the link a field holds are facts the checks accept.
        assertThat(DraftCheck.check("First seen 2026-11-24 11:30 UTC at https://video.example/watch?v=1.", brief).findings()).isEmpty();
        // So is the type's takedown deadline: leadership reads when it is due.
        assertThat(DraftCheck.check("The takedown is due 2026-11-26 12:00 UTC.", brief).findings()).isEmpty();
    }

    @Test
    void a_restricted_fields_value_is_left_out_of_the_facts_and_of_the_timeline_a_model_reads() {
        var hallucination = new app.escalate.commands.Case(new app.escalate.commands.CaseId(5), "Assistant leaks a card number",
                app.escalate.commands.Severity.SEV2, app.escalate.commands.CaseState.INVESTIGATING, Optional.of("llm-hallucination"),
                Optional.empty(), DraftCheckTest.CHLOE, Optional.empty(), DraftCheckTest.OPENED, Optional.empty(), Optional.empty(),
                Optional.empty(), false);
        CaseFile file = new CaseFile(hallucination, List.of(), Set.of(), Set.of(DraftCheckTest.MARIA))
                .withField("model", "assistant-large").withField("prompt_excerpt", PROMPT).withField("output_excerpt", "Your card 4421 was charged");
        List<CaseEvent> timeline = List.of(new CaseEvent(file.id(), DraftCheckTest.OPENED.plusSeconds(60), DraftCheckTest.MARIA,
                new EventData.FieldSet("prompt_excerpt", "Prompt excerpt", Optional.empty(), PROMPT)));

        CaseBrief brief = CaseBrief.of(file, timeline, PolicyLoader.builtIn(), DraftCheckTest.NOW, CaseBrief.TIMELINE_BUDGET);
        String data = Prompts.data(brief);

        assertThat(brief.fields()).containsExactly("Model: assistant-large", "Output excerpt: Your card 4421 was charged");
        assertThat(data).doesNotContain("Ana Sousa").contains("set Prompt excerpt (restricted: not shown)");
        assertThat(TemplateDrafts.rca(brief)).doesNotContain("Ana Sousa").contains("- Model: assistant-large");
    }
}
