package app.escalate.commands.handlers;

import app.escalate.commands.Case;
import app.escalate.commands.CaseChannel;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseId;
import app.escalate.commands.CaseState;
import app.escalate.commands.ChannelId;
import app.escalate.commands.EventData;
import app.escalate.commands.InMemoryCaseStore;
import app.escalate.commands.InMemoryDraftStore;
import app.escalate.commands.InMemoryHandoffStore;
import app.escalate.commands.InMemoryOverrideStore;
import app.escalate.commands.Invocation;
import app.escalate.commands.Reply;
import app.escalate.commands.Severity;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.Task;
import app.escalate.commands.UserId;
import app.escalate.config.PolicyLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A case walked through its life with the built-in policy: responders Maria and Kenji, reporter Chloe (comms). */
class CaseLifecycleTest {
    private static final Instant OPENED = Instant.parse("2026-11-28T03:00:00Z");
    private static final Instant NOW = OPENED.plusSeconds(240);
    private static final UserId MARIA = new UserId("U0ESCMARIA");
    private static final UserId KENJI = new UserId("U0ESCKENJI");
    private static final UserId CHLOE = new UserId("U0ESCCHLOE");
    private static final ChannelId CASE_CHANNEL = new ChannelId("C0CASE1");
    private static final CaseId ESC_1 = new CaseId(1);

    private final InMemoryCaseStore store = new InMemoryCaseStore();
    private final EscCommands commands = new EscCommands(store, new InMemoryOverrideStore(), new InMemoryHandoffStore(), new InMemoryDraftStore(), PolicyLoader.builtIn(), Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void a_sev2_case_reported_by_chloe() {
        store.put(new Case(ESC_1, "Model invents a product recall", Severity.SEV2, CaseState.TRIAGE, Optional.of("llm-hallucination"), Optional.empty(),
                CHLOE, Optional.empty(), OPENED, Optional.of(new CaseChannel(CASE_CHANNEL, "esc-1-model")),
                Optional.empty(), Optional.empty(), false));
    }

    private Reply in(UserId who, String text) {
        return commands.handle(text, new Invocation(who, CASE_CHANNEL, Optional.empty()));
    }

    private static String refusal(Reply reply) {
        assertThat(reply).isInstanceOf(Reply.Refusal.class);
        return ((Reply.Refusal) reply).reason();
    }

    private Case current() {
        return store.get(1);
    }

    @Test
    void a_responder_acknowledges_once_and_the_reporter_may_not() {
        assertThat(refusal(in(CHLOE, "ack"))).isEqualTo("Only the case owner, the on-call or someone in the `responders` group can acknowledge a case.");

        Reply reply = in(MARIA, "ack");

        assertThat(reply).isInstanceOf(Reply.Changed.class);
        assertThat(current().acknowledged()).hasValueSatisfying(a -> {
            assertThat(a.by()).isEqualTo(MARIA);
            assertThat(a.at()).isEqualTo(NOW);
        });
        assertThat(store.events).last().extracting(CaseEvent::data)
                .isEqualTo(new EventData.Acknowledged(Optional.of(Duration.ofSeconds(240))));
        assertThat(refusal(in(KENJI, "ack"))).isEqualTo("ESC-1 was already acknowledged.");
    }

    @Test
    void raising_severity_records_before_and_after_and_refreshes_card_and_topic() {
        in(MARIA, "sev 1 because it is on the evening news");

        assertThat(current().severity()).isEqualTo(Severity.SEV1);
        CaseEvent event = store.events.get(store.events.size() - 1);
        assertThat(event.data()).isEqualTo(new EventData.SeverityChanged(Severity.SEV2, Severity.SEV1, Optional.of("it is on the evening news")));
        assertThat(store.effects).containsExactly(new SlackEffect.Announce(ESC_1, event),
                new SlackEffect.UpdateCaseCard(ESC_1), new SlackEffect.SetChannelTopic(ESC_1));
    }

    @Test
    void lowering_a_sev1_or_sev2_needs_a_reason() {
        assertThat(refusal(in(MARIA, "sev 3"))).isEqualTo("Lowering a SEV2 needs a reason: `/esc sev 3 because <reason>`.");
        assertThat(current().severity()).isEqualTo(Severity.SEV2);

        in(MARIA, "sev 3 because only one user saw it");
        assertThat(current().severity()).isEqualTo(Severity.SEV3);
        in(MARIA, "sev 4");
        assertThat(current().severity()).isEqualTo(Severity.SEV4);
    }

    @Test
    void an_illegal_move_is_refused_with_the_legal_next_states() {
        assertThat(refusal(in(MARIA, "state monitoring"))).isEqualTo(
                "A case in triage cannot move to monitoring. From here: `investigating`, `mitigated`, or `/esc resolve <resolution>`.");

        in(MARIA, "state investigating");
        in(MARIA, "set model assistant-large");
        in(MARIA, "state mitigated");
        in(MARIA, "state monitoring");

        assertThat(current().state()).isEqualTo(CaseState.MONITORING);
        assertThat(store.events).extracting(CaseEvent::data).containsExactly(
                new EventData.StateChanged(CaseState.TRIAGE, CaseState.INVESTIGATING),
                new EventData.FieldSet("model", "Model", Optional.empty(), "assistant-large"),
                new EventData.StateChanged(CaseState.INVESTIGATING, CaseState.MITIGATED),
                new EventData.StateChanged(CaseState.MITIGATED, CaseState.MONITORING));
    }

    @Test
    void the_owner_is_set_invited_and_may_then_steer() {
        assertThat(refusal(in(CHLOE, "owner <@U0ESCCHLOE|chloe>"))).contains("Only the case owner");

        in(MARIA, "owner <@U0ESCPRIYA|priya>");

        assertThat(current().owner()).contains(new UserId("U0ESCPRIYA"));
        assertThat(store.effects).contains(new SlackEffect.InviteToChannel(ESC_1, List.of(new UserId("U0ESCPRIYA"))));
        assertThat(in(new UserId("U0ESCPRIYA"), "state investigating")).isInstanceOf(Reply.Changed.class);
    }

    @Test
    void anyone_may_add_notes_and_tasks_and_tasks_are_numbered_per_case() {
        in(CHLOE, "note Press office has asked for a statement");
        in(CHLOE, "task add Draft a holding statement <@U0ESCCHLOE|chloe>");
        in(KENJI, "task add Find the prompt that triggered it");
        in(KENJI, "task done 2");

        Reply list = in(CHLOE, "task list");

        assertThat(list).isInstanceOf(Reply.TaskList.class);
        List<Task> tasks = ((Reply.TaskList) list).tasks();
        assertThat(tasks).extracting(Task::number, Task::text, Task::isDone).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "Draft a holding statement", false),
                org.assertj.core.groups.Tuple.tuple(2, "Find the prompt that triggered it", true));
        assertThat(tasks.get(0).assignee()).contains(CHLOE);
        assertThat(refusal(in(KENJI, "task done 2"))).isEqualTo("Task 2 is already done.");
        assertThat(refusal(in(KENJI, "task done 7"))).isEqualTo("ESC-1 has no task 7; `/esc task list` shows them.");
        assertThat(store.events).extracting(CaseEvent::kind).containsExactly(CaseEvent.Kind.NOTE_ADDED,
                CaseEvent.Kind.TASK_ADDED, CaseEvent.Kind.TASK_ADDED, CaseEvent.Kind.TASK_DONE);
    }

    @Test
    void looping_in_a_group_invites_its_members_and_briefs_them_once() {
        in(MARIA, "loop legal");

        List<UserId> legal = List.of(new UserId("U0ESCPRIYA"));
        assertThat(store.effects).startsWith(new SlackEffect.InviteToChannel(ESC_1, legal), new SlackEffect.BriefGroup(ESC_1, "legal", legal));
        assertThat(store.file(ESC_1).orElseThrow().stakeholders()).containsExactly("legal");
        assertThat(refusal(in(MARIA, "loop legal"))).isEqualTo("`legal` is already looped in on ESC-1.");
        assertThat(refusal(in(MARIA, "loop marketing"))).isEqualTo("There is no stakeholder group `marketing`. Groups: `comms`, `eng`, `leadership`, `legal`, `oncall-managers`, `policy`.");
    }

    @Test
    void a_sev2_resolves_only_with_a_known_root_cause_and_can_be_reopened() {
        assertThat(refusal(in(MARIA, "resolve Answer blocked and model patched"))).startsWith(
                "A SEV2 needs a root cause to resolve: add `cause:<id>`, one of `model-behaviour`");
        assertThat(refusal(in(MARIA, "resolve Answer blocked cause:gremlins"))).startsWith("There is no root cause `gremlins`.");

        assertThat(refusal(in(MARIA, "resolve Answer blocked and model patched cause:model-behaviour"))).isEqualTo(
                "ESC-1 cannot be resolved until these are set: `model` (Model), `model_version` (Model version). `/esc set model <value>`.");
        in(MARIA, "set model assistant-large");
        in(MARIA, "set model_version 2026-11-20");

        in(MARIA, "resolve Answer blocked and model patched cause:model-behaviour");

        assertThat(current().state()).isEqualTo(CaseState.RESOLVED);
        assertThat(current().resolution()).hasValueSatisfying(r -> {
            assertThat(r.text()).isEqualTo("Answer blocked and model patched");
            assertThat(r.rootCause()).contains("model-behaviour");
        });
        assertThat(refusal(in(MARIA, "sev 1"))).isEqualTo("ESC-1 is resolved; `/esc reopen` it first.");

        in(MARIA, "reopen");
        assertThat(current().state()).isEqualTo(CaseState.INVESTIGATING);
        assertThat(current().resolution()).isEmpty();
    }

    @Test
    void outside_the_case_channel_a_command_names_its_case() {
        Invocation elsewhere = new Invocation(MARIA, new ChannelId("C0TEAM"), Optional.empty());

        assertThat(refusal(commands.handle("ack", elsewhere))).startsWith("Run this in a case channel, or put the case id first");
        assertThat(commands.handle("ack ESC-1", elsewhere)).isInstanceOf(Reply.Changed.class);
        assertThat(refusal(commands.handle("ack ESC-9", elsewhere))).isEqualTo("There is no case ESC-9 that you can see.");
    }

    @Test
    void the_timeline_is_newest_first_in_pages_of_ten() {
        for (int i = 1; i <= 12; i++) in(CHLOE, "note Update " + i);

        Reply.TimelinePage first = (Reply.TimelinePage) in(KENJI, "timeline");
        Reply.TimelinePage second = (Reply.TimelinePage) in(KENJI, "timeline 2");

        assertThat(first.pages()).isEqualTo(2);
        assertThat(first.events()).hasSize(10).first().extracting(CaseEvent::data).isEqualTo(new EventData.NoteAdded("Update 12"));
        assertThat(second.events()).extracting(CaseEvent::data).containsExactly(new EventData.NoteAdded("Update 2"), new EventData.NoteAdded("Update 1"));
        assertThat(refusal(in(KENJI, "timeline 3"))).isEqualTo("The timeline of ESC-1 has 2 pages.");
    }

    @Test
    void a_restricted_case_refuses_non_members_outside_its_channel() {
        store.put(new Case(new CaseId(2), "Regulator request", Severity.SEV2, CaseState.TRIAGE, Optional.of("regulatory-request"), Optional.empty(),
                new UserId("U0ESCPRIYA"), Optional.empty(), OPENED, Optional.empty(), Optional.empty(), Optional.empty(), true));
        Invocation elsewhere = new Invocation(MARIA, new ChannelId("C0TEAM"), Optional.empty());

        // The same answer as for a case that does not exist: a non-member learns nothing from it.
        assertThat(refusal(commands.handle("timeline ESC-2", elsewhere))).isEqualTo("There is no case ESC-2 that you can see.");
        assertThat(refusal(commands.handle("ack ESC-2", elsewhere))).isEqualTo("There is no case ESC-2 that you can see.");
        assertThat(refusal(commands.handle("ack ESC-3", elsewhere))).isEqualTo("There is no case ESC-3 that you can see.");
        assertThat(commands.handle("timeline ESC-2", new Invocation(new UserId("U0ESCPRIYA"), new ChannelId("C0TEAM"), Optional.empty())))
                .isInstanceOf(Reply.TimelinePage.class);
    }

    @Test
    void whoever_is_on_call_may_steer_even_outside_responders(@TempDir Path dir) throws Exception {
        // The example policy with Maria as the only responder; at 12:04 UTC on Saturday 28 November 2026
        // the weekend rotation's primary is Lucas.
        Path file = dir.resolve("policy.yml");
        try (var in = PolicyLoader.class.getResourceAsStream(PolicyLoader.BUILT_IN)) {
            Files.writeString(file, new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("responders: [U0ESCMARIA, U0ESCKENJI, U0ESCAMARA, U0ESCLUCAS]", "responders: [U0ESCMARIA]"));
        }
        Instant saturday = Instant.parse("2026-11-28T12:04:00Z");
        EscCommands weekend = new EscCommands(store, new InMemoryOverrideStore(), new InMemoryHandoffStore(), new InMemoryDraftStore(), PolicyLoader.load(file), Clock.fixed(saturday, ZoneOffset.UTC));
        UserId lucas = new UserId("U0ESCLUCAS");

        assertThat(weekend.handle("ack", new Invocation(KENJI, CASE_CHANNEL, Optional.empty()))).isInstanceOf(Reply.Refusal.class);
        assertThat(weekend.handle("ack", new Invocation(lucas, CASE_CHANNEL, Optional.empty()))).isInstanceOf(Reply.Changed.class);
    }

    @Test
    void in_a_case_channel_a_note_that_starts_with_another_case_id_stays_on_this_case() {
        store.put(new Case(new CaseId(7), "Older case", Severity.SEV3, CaseState.TRIAGE, Optional.empty(), Optional.empty(), CHLOE,
                Optional.empty(), OPENED, Optional.empty(), Optional.empty(), Optional.empty(), false));

        in(CHLOE, "note ESC-7 is a duplicate of this one");

        assertThat(store.events).singleElement().satisfies(e -> {
            assertThat(e.caseId()).isEqualTo(ESC_1);
            assertThat(e.data()).isEqualTo(new EventData.NoteAdded("ESC-7 is a duplicate of this one"));
        });
    }

    @Test
    void from_outside_the_channel_only_people_working_the_case_add_notes_and_tasks() {
        Invocation stranger = new Invocation(new UserId("U0ESCOMAR"), new ChannelId("C0RANDOM"), Optional.empty());

        assertThat(refusal(commands.handle("note ESC-1 drive-by remark", stranger)))
                .isEqualTo("Notes, tasks and fields come from the case channel, or from people working ESC-1. Join its channel first.");
        assertThat(refusal(commands.handle("task ESC-1 add invite my friend <@U0ESCDIEGO>", stranger))).startsWith("Notes, tasks and fields");
        assertThat(refusal(commands.handle("set ESC-1 model my-own-guess", stranger))).startsWith("Notes, tasks and fields");
        assertThat(commands.handle("note ESC-1 from the reporter", new Invocation(CHLOE, new ChannelId("C0RANDOM"), Optional.empty())))
                .isInstanceOf(Reply.Changed.class);
        assertThat(store.events).hasSize(1);
    }

    @Test
    void a_resolved_case_takes_no_new_owner_or_group() {
        in(MARIA, "set model assistant-large");
        in(MARIA, "set model_version 2026-11-20");
        in(MARIA, "resolve Blocked cause:model-behaviour");

        assertThat(refusal(in(MARIA, "loop legal"))).isEqualTo("ESC-1 is resolved; `/esc reopen` it first.");
        assertThat(refusal(in(MARIA, "owner <@U0ESCKENJI|kenji>"))).isEqualTo("ESC-1 is resolved; `/esc reopen` it first.");
    }

    @Test
    void fields_are_read_as_their_field_takes_them_on_the_timeline_and_a_state_that_needs_one_waits_for_it() {
        assertThat(refusal(in(CHLOE, "set"))).startsWith("Fields of LLM hallucination: `model` (text, needed to mitigate) · ")
                .contains("`surfaces` (any of search, assistant, video, ads, feed, agents, separated by commas)");
        assertThat(refusal(in(CHLOE, "set regulator Ofcom"))).startsWith("`regulator` is not a field of LLM hallucination. Fields of");
        assertThat(refusal(in(CHLOE, "set reach lots"))).isEqualTo("`reach` is a number, such as 12000 or 12,000, not `lots`.");
        assertThat(refusal(in(CHLOE, "set surfaces search, radio"))).isEqualTo(
                "`surfaces` takes any of search, assistant, video, ads, feed, agents; `radio` is not one of them.");
        assertThat(refusal(in(MARIA, "state mitigated"))).isEqualTo(
                "ESC-1 cannot move to mitigated until this is set: `model` (Model). `/esc set model <value>`.");
        assertThat(store.events).isEmpty();

        in(CHLOE, "set reach 12,000");
        in(CHLOE, "set surfaces Feed, search");
        in(CHLOE, "set model assistant-large");
        in(KENJI, "set model assistant-xl");

        assertThat(store.file(ESC_1).orElseThrow().fields())
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("reach", "12000", "surfaces", "search, feed", "model", "assistant-xl"));
        assertThat(store.events).extracting(CaseEvent::data).endsWith(
                new EventData.FieldSet("model", "Model", Optional.of("assistant-large"), "assistant-xl"));
        assertThat(store.effects).contains(new SlackEffect.UpdateCaseCard(ESC_1));
        assertThat(refusal(in(KENJI, "set model assistant-xl"))).isEqualTo("Model of ESC-1 is already that.");
        assertThat(in(MARIA, "state mitigated")).isInstanceOf(Reply.Changed.class);
    }
}
