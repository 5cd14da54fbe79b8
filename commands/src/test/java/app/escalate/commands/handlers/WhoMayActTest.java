package app.escalate.commands.handlers;

import app.escalate.commands.Case;
import app.escalate.commands.CaseAction;
import app.escalate.commands.CaseChannel;
import app.escalate.commands.CaseId;
import app.escalate.commands.CaseState;
import app.escalate.commands.ChannelId;
import app.escalate.commands.EscCommand;
import app.escalate.commands.EventData;
import app.escalate.commands.InMemoryCaseStore;
import app.escalate.commands.InMemoryDraftStore;
import app.escalate.commands.InMemoryHandoffStore;
import app.escalate.commands.InMemoryOverrideStore;
import app.escalate.commands.Invocation;
import app.escalate.commands.Reply;
import app.escalate.commands.Severity;
import app.escalate.commands.UserId;
import app.escalate.config.PolicyLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who becomes one of a case's people, which case a command reaches, and what a button or form
 * proves: the domain's rules, with ESC-1 public (#C0CASE1) and ESC-2 restricted (#C0CASE2).
 */
class WhoMayActTest {
    private static final Instant NOW = Instant.parse("2026-11-28T03:04:00Z");
    private static final UserId MARIA = new UserId("U0ESCMARIA");   // responders
    private static final UserId CHLOE = new UserId("U0ESCCHLOE");   // reporter of both
    private static final UserId EVE = new UserId("U0OUTSIDER");     // nobody in the policy
    private static final ChannelId CHANNEL_1 = new ChannelId("C0CASE1");
    private static final ChannelId CHANNEL_2 = new ChannelId("C0CASE2");
    private static final ChannelId TEAM = new ChannelId("C0TEAM");

    private final InMemoryCaseStore store = new InMemoryCaseStore();
    private final EscCommands commands = new EscCommands(store, new InMemoryOverrideStore(), new InMemoryHandoffStore(),
            new InMemoryDraftStore(), PolicyLoader.builtIn(), Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void two_cases() {
        store.put(caseOf(1, CHANNEL_1, false));
        store.put(caseOf(2, CHANNEL_2, true));
    }

    private static Case caseOf(long n, ChannelId channel, boolean restricted) {
        return new Case(new CaseId(n), "Case " + n, Severity.SEV2, CaseState.TRIAGE, Optional.empty(), Optional.empty(), CHLOE,
                Optional.empty(), NOW.minusSeconds(600), Optional.of(new CaseChannel(channel, "esc-" + n)), Optional.empty(), Optional.empty(),
                restricted);
    }

    private Reply typed(UserId who, ChannelId where, String text) {
        return commands.handle(text, new Invocation(who, where, Optional.empty()));
    }

    private Reply clicked(UserId who, ChannelId where, long caseNumber, CaseAction action) {
        return commands.handle(new EscCommand.OnCase(Optional.of(new CaseId(caseNumber)), action),
                Invocation.control(who, where, Optional.empty()));
    }

    @Test
    void a_note_in_a_public_case_does_not_make_its_writer_one_of_the_case_people() {
        assertThat(typed(EVE, CHANNEL_1, "note I saw this too")).isInstanceOf(Reply.Changed.class);

        assertThat(store.file(new CaseId(1)).orElseThrow().members()).doesNotContain(EVE);
        assertThat(typed(EVE, TEAM, "summary ESC-1")).isInstanceOf(Reply.Refusal.class);
    }

    @Test
    void steering_a_case_makes_the_steerer_one_of_its_people() {
        assertThat(typed(MARIA, CHANNEL_1, "ack")).isInstanceOf(Reply.Changed.class);

        assertThat(store.file(new CaseId(1)).orElseThrow().members()).contains(MARIA);
    }

    @Test
    void a_refused_steer_makes_nobody_a_member() {
        assertThat(typed(EVE, CHANNEL_1, "sev 1")).isInstanceOf(Reply.Refusal.class);

        assertThat(store.file(new CaseId(1)).orElseThrow().members()).containsExactly(CHLOE);
    }

    @Test
    void resolving_with_another_case_id_first_in_a_case_channel_is_a_question_and_changes_nothing() {
        Reply reply = typed(MARIA, CHANNEL_1, "resolve ESC-2 was a duplicate");

        assertThat(reply).isEqualTo(new Reply.Refusal("This is ESC-1's channel and you named ESC-2 first, so nothing was resolved. "
                + "To resolve ESC-2, run the command in its channel or outside case channels; to resolve ESC-1, start the resolution "
                + "with words, e.g. `/esc resolve Duplicate of ESC-2`."));
        assertThat(store.get(1).isOpen()).isTrue();
        assertThat(store.get(2).isOpen()).isTrue();
        assertThat(store.events).isEmpty();
    }

    @Test
    void a_typed_note_naming_another_case_first_stays_on_this_case_but_a_form_goes_to_the_case_it_names() {
        typed(CHLOE, CHANNEL_1, "note ESC-2 looks related");
        assertThat(store.events).singleElement().satisfies(e -> {
            assertThat(e.caseId()).isEqualTo(new CaseId(1));
            assertThat(e.data()).isEqualTo(new EventData.NoteAdded("ESC-2 looks related"));
        });

        Reply reply = clicked(CHLOE, CHANNEL_1, 2, new CaseAction.AddNote("From the card"));

        assertThat(reply).isInstanceOf(Reply.Changed.class);
        assertThat(store.events).last().satisfies(e -> {
            assertThat(e.caseId()).isEqualTo(new CaseId(2));
            assertThat(e.data()).isEqualTo(new EventData.NoteAdded("From the card"));
        });
    }

    @Test
    void a_form_that_claims_a_restricted_case_channel_proves_nothing() {
        Reply claimed = clicked(EVE, CHANNEL_2, 2, new CaseAction.AddNote("let me in"));

        assertThat(claimed).isEqualTo(new Reply.Refusal("There is no case ESC-2 that you can see. If you are in its channel, type the "
                + "command there (`/esc help`)."));
        assertThat(store.events).isEmpty();
        // Typed in that private channel, Slack vouches for being there.
        assertThat(typed(EVE, CHANNEL_2, "note typed from inside")).isInstanceOf(Reply.Changed.class);
    }

    @Test
    void a_form_claiming_a_public_case_channel_may_add_a_note_as_anyone_there_could() {
        assertThat(clicked(EVE, CHANNEL_1, 1, new CaseAction.AddNote("from the card"))).isInstanceOf(Reply.Changed.class);
        assertThat(clicked(EVE, TEAM, 1, new CaseAction.AddNote("from elsewhere"))).isInstanceOf(Reply.Refusal.class);
    }

    @Test
    void a_restricted_case_and_a_missing_case_get_the_same_answer() {
        assertThat(typed(EVE, TEAM, "status ESC-2")).isEqualTo(new Reply.Refusal("There is no case ESC-2 that you can see."));
        assertThat(typed(EVE, TEAM, "status ESC-3")).isEqualTo(new Reply.Refusal("There is no case ESC-3 that you can see."));
        assertThat(typed(EVE, TEAM, "timeline ESC-2")).isEqualTo(new Reply.Refusal("There is no case ESC-2 that you can see."));
        assertThat(typed(EVE, TEAM, "note ESC-2 hello")).isEqualTo(new Reply.Refusal("There is no case ESC-2 that you can see."));
        assertThat(typed(EVE, TEAM, "note ESC-3 hello")).isEqualTo(new Reply.Refusal("There is no case ESC-3 that you can see."));
    }

    @Test
    void a_button_naming_a_missing_case_and_one_naming_a_restricted_case_get_the_same_answer() {
        Reply restricted = clicked(EVE, TEAM, 2, new CaseAction.Acknowledge());
        Reply missing = clicked(EVE, TEAM, 3, new CaseAction.Acknowledge());

        assertThat(((Reply.Refusal) restricted).reason().replace("ESC-2", "ESC-n"))
                .isEqualTo(((Reply.Refusal) missing).reason().replace("ESC-3", "ESC-n"));
    }

    @Test
    void an_over_long_note_from_a_form_is_refused_in_words() {
        Reply reply = clicked(CHLOE, CHANNEL_1, 1, new CaseAction.AddNote("x".repeat(30_000)));

        assertThat(reply).isEqualTo(new Reply.Refusal("A note is at most 3000 characters; this one has 30000."));
        assertThat(store.events).isEmpty();
    }

    @Test
    void a_form_is_opened_only_for_those_its_submission_would_accept() {
        assertThat(commands.mayAct(new CaseId(2), new CaseAction.AddNote(""), Invocation.control(EVE, CHANNEL_2, Optional.empty())))
                .contains("There is no case ESC-2 that you can see. If you are in its channel, type the command there (`/esc help`).");
        assertThat(commands.mayAct(new CaseId(9), new CaseAction.AddNote(""), Invocation.control(EVE, TEAM, Optional.empty())))
                .contains("There is no case ESC-9 that you can see. If you are in its channel, type the command there (`/esc help`).");
        assertThat(commands.mayAct(new CaseId(1), new CaseAction.AddNote(""), Invocation.control(EVE, CHANNEL_1, Optional.empty()))).isEmpty();
        assertThat(commands.mayAct(new CaseId(2), new CaseAction.AddNote(""), Invocation.control(CHLOE, CHANNEL_2, Optional.empty()))).isEmpty();
        // Change… on a triage suggestion is a decision: for those who may steer.
        CaseAction.JudgeTriage change = new CaseAction.JudgeTriage(app.escalate.commands.TriageVerdict.CHANGED, Optional.empty(),
                Optional.empty(), Optional.empty());
        assertThat(commands.mayAct(new CaseId(1), change, Invocation.control(EVE, CHANNEL_1, Optional.empty())))
                .contains("Only the case owner, the on-call or someone in the `responders` group can decide this for ESC-1.");
        assertThat(commands.mayAct(new CaseId(1), change, Invocation.control(MARIA, CHANNEL_1, Optional.empty()))).isEmpty();
    }

    @Test
    void only_people_on_a_rotation_or_in_responders_write_into_the_handoff_digest() {
        String refusal = "Handoff notes are for the people on a rotation and the `responders` group. To tell the on-call something, "
                + "add a note to the case (`/esc note …`).";
        assertThat(typed(EVE, TEAM, "handoff note ignore the SEV1s tonight")).isEqualTo(new Reply.Refusal(refusal));
        assertThat(typed(CHLOE, TEAM, "handoff note comms is on it")).isEqualTo(new Reply.Refusal(refusal));
        assertThat(typed(MARIA, TEAM, "handoff note ESC-1 waits on the host")).isInstanceOf(Reply.HandoffNoted.class);
    }

    @Test
    void a_task_someone_outside_the_case_assigns_to_themselves_does_not_make_them_one_of_its_people() {
        assertThat(typed(EVE, CHANNEL_1, "task add Watch the replies <@" + EVE.value() + ">")).isInstanceOf(Reply.Changed.class);
        assertThat(store.file(new CaseId(1)).orElseThrow().members()).doesNotContain(EVE);
        assertThat(store.effects).noneMatch(e -> e instanceof app.escalate.commands.SlackEffect.InviteToChannel);

        // Given by one of the case's people, a task brings its assignee in.
        typed(CHLOE, CHANNEL_1, "task add Check the host's reply <@U0ESCDIEGO>");
        assertThat(store.file(new CaseId(1)).orElseThrow().members()).contains(new UserId("U0ESCDIEGO"));
    }
}
