package app.escalate.commands.handlers;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseId;
import app.escalate.commands.ChannelId;
import app.escalate.commands.CommandParser;
import app.escalate.commands.DeadlineEntry;
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
import app.escalate.commands.Task;
import app.escalate.commands.UserId;
import app.escalate.config.PolicyLoader;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /esc link}, {@code unlink} and {@code merge} on the example policy; Amara is on call at the clock's time. */
class JoinCasesTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final UserId CHLOE = new UserId("U0ESCCHLOE");   // a reporter: works her case, steers none
    private static final UserId DIEGO = new UserId("U0ESCDIEGO");
    private static final UserId AMARA = new UserId("U0ESCAMARA");   // on call: steers any case
    private static final CaseId ESC_1 = new CaseId(1);
    private static final CaseId ESC_2 = new CaseId(2);

    private final InMemoryCaseStore store = new InMemoryCaseStore();
    private final EscCommands commands = new EscCommands(store, new InMemoryOverrideStore(), new InMemoryHandoffStore(),
            new InMemoryDraftStore(), PolicyLoader.builtIn(), new HandClock(NOW));

    private Reply esc(UserId who, String text) {
        return commands.handle(text, new Invocation(who, new ChannelId("C0TEAM"), Optional.empty()));
    }

    private CaseFile file(CaseId id) {
        return store.file(id).orElseThrow();
    }

    @Test
    void the_grammar_names_the_other_case_and_optionally_this_one_first() {
        assertThat(CommandParser.parse("merge ESC-12")).isEqualTo(new EscCommand.OnCase(Optional.empty(), new app.escalate.commands.CaseAction.Merge(new CaseId(12))));
        assertThat(CommandParser.parse("merge ESC-15 ESC-12")).isEqualTo(new EscCommand.OnCase(Optional.of(new CaseId(15)),
                new app.escalate.commands.CaseAction.Merge(new CaseId(12))));
        assertThat(CommandParser.parse("unlink esc-3")).isEqualTo(new EscCommand.OnCase(Optional.empty(),
                new app.escalate.commands.CaseAction.Link(new CaseId(3), false)));
        assertThat(CommandParser.parse("link the other one")).isInstanceOfSatisfying(EscCommand.Invalid.class,
                i -> assertThat(i.problem()).contains("`link` takes a related case"));
        assertThat(esc(AMARA, "link ESC-1 ESC-1")).isInstanceOf(Reply.Refusal.class);
    }

    @Test
    void a_link_is_kept_on_both_cases_and_unlinked_from_either() {
        esc(CHLOE, "open Deepfake of the minister on video sev2");
        esc(DIEGO, "open Same video on the short-form app sev3");

        assertThat(esc(CHLOE, "link ESC-1 ESC-2")).isInstanceOf(Reply.Changed.class);
        assertThat(file(ESC_1).links()).containsExactly(ESC_2);
        assertThat(file(ESC_2).links()).containsExactly(ESC_1);
        assertThat(store.effects).contains(new SlackEffect.UpdateCaseCard(ESC_1), new SlackEffect.UpdateCaseCard(ESC_2));
        assertThat(esc(CHLOE, "link ESC-2 ESC-1")).isEqualTo(new Reply.Refusal("ESC-2 and ESC-1 are linked already."));

        assertThat(esc(DIEGO, "unlink ESC-2 ESC-1")).isInstanceOf(Reply.Changed.class);
        assertThat(file(ESC_1).links()).isEmpty();
        assertThat(file(ESC_2).links()).isEmpty();
        assertThat(store.events).filteredOn(e -> e.kind() == CaseEvent.Kind.CASE_UNLINKED).extracting(CaseEvent::caseId)
                .containsExactlyInAnyOrder(ESC_1, ESC_2);
    }

    @Test
    void a_merged_duplicate_is_resolved_and_its_people_tasks_and_timeline_point_at_the_case_it_duplicates() {
        esc(CHLOE, "open Deepfake of the minister on video sev2");
        esc(DIEGO, "open Same video on the short-form app type:deepfake sev3");
        esc(DIEGO, "task ESC-2 add Ask the host for the upload logs");
        esc(DIEGO, "task ESC-2 add Collect the mirrors");
        esc(DIEGO, "task ESC-2 done 2");

        assertThat(esc(DIEGO, "merge ESC-2 ESC-1")).isEqualTo(new Reply.Refusal(
                "Only the case owner, the on-call or someone in the `responders` group can merge ESC-2."));
        assertThat(esc(AMARA, "merge ESC-2 ESC-1")).isInstanceOf(Reply.Changed.class);

        CaseFile duplicate = file(ESC_2);
        assertThat(duplicate.details().isOpen()).isFalse();
        assertThat(duplicate.details().resolution()).get().satisfies(r -> {
            assertThat(r.text()).isEqualTo("Duplicate of ESC-1");
            assertThat(r.rootCause()).contains("duplicate");
        });
        assertThat(duplicate.openTasks()).isZero();
        assertThat(duplicate.deadlines()).extracting(DeadlineEntry::name, d -> d.closed().map(c -> c.reason().orElse("")).orElse(""))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("takedown", "merged into ESC-1"));
        CaseFile target = file(ESC_1);
        assertThat(target.tasks()).extracting(Task::number, Task::text, Task::isDone)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "Ask the host for the upload logs", false));
        assertThat(target.members()).contains(DIEGO);
        assertThat(target.links()).containsExactly(ESC_2);
        assertThat(store.events).filteredOn(e -> e.kind() == CaseEvent.Kind.MERGED_INTO || e.kind() == CaseEvent.Kind.DUPLICATE_MERGED)
                .extracting(CaseEvent::data).containsExactly(new EventData.MergedInto(ESC_1, 1),
                        new EventData.DuplicateMerged(ESC_2, List.of(DIEGO), 1));
        assertThat(store.effects).contains(new SlackEffect.InviteToChannel(ESC_1, List.of(DIEGO)), new SlackEffect.SetChannelTopic(ESC_2));

        assertThat(esc(AMARA, "merge ESC-2 ESC-1")).isEqualTo(new Reply.Refusal("ESC-2 is already resolved."));
        esc(CHLOE, "open A third report sev3");
        assertThat(esc(AMARA, "resolve ESC-1 Removed everywhere cause:adversarial-abuse")).isInstanceOf(Reply.Changed.class);
        assertThat(esc(AMARA, "merge ESC-3 ESC-1")).isEqualTo(new Reply.Refusal(
                "ESC-1 is resolved; `/esc reopen ESC-1` first, or `/esc link ESC-1` to keep them related."));
    }

    @Test
    void a_duplicate_a_machine_reported_brings_no_machine_into_the_channel() {
        esc(CHLOE, "open Deepfake of the minister on video sev2");
        store.put(new app.escalate.commands.Case(ESC_2, "Classifier: synthetic video of a minister", app.escalate.commands.Severity.SEV3,
                app.escalate.commands.CaseState.TRIAGE, Optional.empty(), Optional.empty(), app.escalate.commands.MachineReporter.ID,
                Optional.empty(), NOW, Optional.empty(), Optional.empty(), Optional.empty(), false));

        assertThat(esc(AMARA, "merge ESC-2 ESC-1")).isInstanceOf(Reply.Changed.class);

        assertThat(store.events).filteredOn(e -> e.kind() == CaseEvent.Kind.DUPLICATE_MERGED).singleElement().extracting(CaseEvent::data)
                .isEqualTo(new EventData.DuplicateMerged(ESC_2, List.of(), 0));
        assertThat(store.effects).noneMatch(e -> e instanceof SlackEffect.InviteToChannel i && i.users().contains(app.escalate.commands.MachineReporter.ID));
    }

    @Test
    void nothing_crosses_a_restricted_boundary_on_the_word_of_someone_not_on_both_cases() {
        esc(CHLOE, "open Subpoena for the uploader's data type:regulatory-request sev2");   // restricted: Chloe and the on-call are on it
        esc(DIEGO, "open The uploader's video sev3");

        assertThat(esc(DIEGO, "link ESC-2 ESC-1")).isInstanceOfSatisfying(Reply.Refusal.class,
                r -> assertThat(r.reason()).startsWith("There is no case ESC-1 that you can see."));
        assertThat(esc(CHLOE, "link ESC-2 ESC-1")).isEqualTo(new Reply.Refusal(
                "One of ESC-2 and ESC-1 is restricted: only someone on both may link them."));
        assertThat(file(ESC_1).links()).isEmpty();
        assertThat(file(ESC_2).links()).isEmpty();
    }
}
