package app.escalate.commands.handlers;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseId;
import app.escalate.commands.ChannelId;
import app.escalate.commands.EscCommand;
import app.escalate.commands.EventData;
import app.escalate.commands.HandClock;
import app.escalate.commands.InMemoryCaseStore;
import app.escalate.commands.InMemoryDraftStore;
import app.escalate.commands.InMemoryHandoffStore;
import app.escalate.commands.InMemoryOverrideStore;
import app.escalate.commands.Invocation;
import app.escalate.commands.Reply;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import app.escalate.commands.CaseAction;
import app.escalate.config.PolicyLoader;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The similar cases recorded once per case, and a duplicate flag judged once: merged into the flagged case, or not a duplicate. */
class DuplicateFlagsTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final UserId CHLOE = new UserId("U0ESCCHLOE");
    private static final UserId AMARA = new UserId("U0ESCAMARA");   // on call: steers any case
    private static final CaseId ESC_1 = new CaseId(1);
    private static final CaseId ESC_2 = new CaseId(2);
    private static final CaseId ESC_3 = new CaseId(3);

    private final InMemoryCaseStore store = new InMemoryCaseStore();
    private final EscCommands commands = new EscCommands(store, new InMemoryOverrideStore(), new InMemoryHandoffStore(),
            new InMemoryDraftStore(), PolicyLoader.builtIn(), new HandClock(NOW));

    private Reply esc(UserId who, String text) {
        return commands.handle(text, new Invocation(who, new ChannelId("C0TEAM"), Optional.empty()));
    }

    private Reply click(UserId who, CaseId on, CaseAction action) {
        return commands.handle(new EscCommand.OnCase(Optional.of(on), action), Invocation.control(who, new ChannelId("C0TEAM"), Optional.empty()));
    }

    private List<EventData> events(CaseEvent.Kind kind) {
        return store.events.stream().filter(e -> e.kind() == kind).map(CaseEvent::data).toList();
    }

    @Test
    void similar_cases_are_recorded_and_shown_once_however_often_the_job_runs() {
        esc(CHLOE, "open Deepfake of the minister on video sev2");
        esc(CHLOE, "open Same video on the short-form app sev3");

        assertThat(commands.similarFound(ESC_2, List.of(ESC_1), Optional.of(ESC_1))).isTrue();
        assertThat(commands.similarFound(ESC_2, List.of(ESC_1), Optional.of(ESC_1))).isFalse();

        assertThat(events(CaseEvent.Kind.SIMILAR_FOUND)).containsExactly(new EventData.SimilarFound(List.of(ESC_1), Optional.of(ESC_1)));
        assertThat(store.effects).filteredOn(e -> e instanceof SlackEffect.ShowSimilar).containsExactly(new SlackEffect.ShowSimilar(ESC_2));
    }

    @Test
    void nothing_found_is_recorded_but_nothing_is_posted() {
        esc(CHLOE, "open Deepfake of the minister on video sev2");

        assertThat(commands.similarFound(ESC_1, List.of(), Optional.empty())).isTrue();

        assertThat(events(CaseEvent.Kind.SIMILAR_FOUND)).hasSize(1);
        assertThat(store.effects).noneMatch(e -> e instanceof SlackEffect.ShowSimilar);
    }

    @Test
    void a_merge_into_the_flagged_case_confirms_the_flag_whether_clicked_or_typed_and_only_once() {
        esc(CHLOE, "open Deepfake of the minister on video sev2");
        esc(CHLOE, "open Same video on the short-form app sev3");
        commands.similarFound(ESC_2, List.of(ESC_1), Optional.of(ESC_1));

        assertThat(click(AMARA, ESC_2, new CaseAction.Merge(ESC_1, true))).isInstanceOf(Reply.Changed.class);

        assertThat(events(CaseEvent.Kind.DUPLICATE_JUDGED)).containsExactly(new EventData.DuplicateJudged(ESC_1, true));
        assertThat(store.effects).contains(new SlackEffect.UpdateSimilar(ESC_2));
        assertThat(click(CHLOE, ESC_2, new CaseAction.NotDuplicate(ESC_1)))
                .isEqualTo(new Reply.Refusal("The flag on ESC-2 was judged already."));
    }

    @Test
    void the_flag_button_merges_only_into_the_case_flagged() {
        esc(CHLOE, "open Deepfake of the minister on video sev2");
        esc(CHLOE, "open Same video on the short-form app sev3");
        commands.similarFound(ESC_2, List.of(ESC_1), Optional.of(ESC_1));

        assertThat(click(AMARA, ESC_1, new CaseAction.Merge(ESC_2, true)))
                .isEqualTo(new Reply.Refusal("ESC-1 was not flagged as a duplicate of ESC-2."));
        assertThat(store.file(ESC_1).orElseThrow().details().isOpen()).isTrue();
        assertThat(store.file(ESC_2).orElseThrow().details().isOpen()).isTrue();
    }

    @Test
    void a_merge_into_another_case_judges_the_flag_wrong() {
        esc(CHLOE, "open Deepfake of the minister on video sev2");
        esc(CHLOE, "open An unrelated report sev3");
        esc(CHLOE, "open Same video on the short-form app sev3");
        commands.similarFound(ESC_3, List.of(ESC_1), Optional.of(ESC_1));

        assertThat(esc(AMARA, "merge ESC-3 ESC-2")).isInstanceOf(Reply.Changed.class);

        assertThat(events(CaseEvent.Kind.DUPLICATE_JUDGED)).containsExactly(new EventData.DuplicateJudged(ESC_1, false));
        assertThat(click(CHLOE, ESC_3, new CaseAction.NotDuplicate(ESC_1))).isEqualTo(new Reply.Refusal("The flag on ESC-3 was judged already."));
    }

    @Test
    void the_older_case_merged_into_the_newer_one_flagged_against_it_confirms_the_flag_and_redraws_its_message() {
        esc(CHLOE, "open Deepfake of the minister on video sev2");
        esc(CHLOE, "open An unrelated report sev3");
        esc(CHLOE, "open Same video on the short-form app sev3");
        commands.similarFound(ESC_2, List.of(ESC_1), Optional.of(ESC_1));
        commands.similarFound(ESC_3, List.of(ESC_1), Optional.of(ESC_1));

        assertThat(esc(AMARA, "merge ESC-1 ESC-3")).isInstanceOf(Reply.Changed.class);

        assertThat(store.events).filteredOn(e -> e.kind() == CaseEvent.Kind.DUPLICATE_JUDGED)
                .extracting(CaseEvent::caseId, CaseEvent::data).containsExactly(org.assertj.core.groups.Tuple.tuple(ESC_3,
                        new EventData.DuplicateJudged(ESC_1, true)));
        assertThat(store.effects).contains(new SlackEffect.UpdateSimilar(ESC_3)).doesNotContain(new SlackEffect.UpdateSimilar(ESC_2));
    }

    @Test
    void not_a_duplicate_is_recorded_once_and_only_for_the_flag_the_case_has() {
        esc(CHLOE, "open Deepfake of the minister on video sev2");
        esc(CHLOE, "open Same video on the short-form app sev3");
        commands.similarFound(ESC_2, List.of(ESC_1), Optional.of(ESC_1));

        assertThat(click(CHLOE, ESC_2, new CaseAction.NotDuplicate(ESC_3)))
                .isEqualTo(new Reply.Refusal("ESC-2 was not flagged as a duplicate of ESC-3."));
        assertThat(click(CHLOE, ESC_2, new CaseAction.NotDuplicate(ESC_1))).isInstanceOf(Reply.Changed.class);
        assertThat(click(AMARA, ESC_2, new CaseAction.NotDuplicate(ESC_1)))
                .isEqualTo(new Reply.Refusal("The flag on ESC-2 was judged already."));

        assertThat(events(CaseEvent.Kind.DUPLICATE_JUDGED)).containsExactly(new EventData.DuplicateJudged(ESC_1, false));
        assertThat(store.effects).contains(new SlackEffect.UpdateSimilar(ESC_2));
        assertThat(store.file(ESC_2).orElseThrow().details().isOpen()).isTrue();
    }
}
