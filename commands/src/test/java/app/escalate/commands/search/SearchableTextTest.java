package app.escalate.commands.search;

import app.escalate.commands.Case;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseId;
import app.escalate.commands.CaseState;
import app.escalate.commands.EventData;
import app.escalate.commands.Resolution;
import app.escalate.commands.Severity;
import app.escalate.commands.UserId;
import app.escalate.config.PolicyLoader;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SearchableTextTest {
    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");
    private static final UserId MARIA = new UserId("U0ESCMARIA");

    @Test
    void holds_title_description_notes_fields_and_resolution_but_not_a_restricted_field() {
        Case c = new Case(new CaseId(3), "Assistant invented a refund policy", Severity.SEV2, CaseState.RESOLVED, Optional.of("llm-hallucination"),
                Optional.empty(), MARIA, Optional.empty(), T0, Optional.empty(), Optional.empty(),
                Optional.of(new Resolution("Prompt fixed and answers corrected", Optional.of("model-behaviour"), MARIA, T0)), false);
        CaseFile file = new CaseFile(c, List.of(), Set.of(), Set.of(MARIA)).withField("model", "assistant-large")
                .withField("prompt_excerpt", "my card number is 4111");
        List<CaseEvent> timeline = List.of(CaseEvent.opened(c, Optional.of("Customers quote it in chats")),
                new CaseEvent(c.id(), T0, MARIA, new EventData.NoteAdded("Legal asked for screenshots")));

        String text = SearchableText.of(file, timeline, PolicyLoader.builtIn());

        assertThat(text).contains("Assistant invented a refund policy", "Customers quote it in chats", "Legal asked for screenshots",
                "assistant-large", "Prompt fixed and answers corrected", "Model behaviour").doesNotContain("4111");
    }
}
