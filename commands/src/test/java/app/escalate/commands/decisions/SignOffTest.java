package app.escalate.commands.decisions;

import app.escalate.commands.Case;
import app.escalate.commands.CaseChannel;
import app.escalate.commands.CaseDecision;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
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
import app.escalate.commands.SignOff;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import app.escalate.commands.handlers.EscCommands;
import app.escalate.config.Policy;
import app.escalate.config.PolicyLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decisions on a SEV2 case with the built-in policy: Maria and Kenji are responders, Priya is
 * legal, Omar is policy, Diego and Kenji are eng, Chloe (comms) reported the case.
 */
class SignOffTest {
    private static final Instant OPENED = Instant.parse("2026-11-28T03:00:00Z");
    private static final Instant NOW = OPENED.plusSeconds(240);
    private static final UserId MARIA = new UserId("U0ESCMARIA");
    private static final UserId KENJI = new UserId("U0ESCKENJI");
    private static final UserId PRIYA = new UserId("U0ESCPRIYA");
    private static final UserId OMAR = new UserId("U0ESCOMAR");
    private static final UserId DIEGO = new UserId("U0ESCDIEGO");
    private static final UserId CHLOE = new UserId("U0ESCCHLOE");
    private static final ChannelId CASE_CHANNEL = new ChannelId("C0CASE1");
    private static final CaseId ESC_1 = new CaseId(1);

    private final Policy policy = PolicyLoader.builtIn();
    private final InMemoryCaseStore store = new InMemoryCaseStore();
    private final EscCommands commands = new EscCommands(store, new InMemoryOverrideStore(), new InMemoryHandoffStore(), new InMemoryDraftStore(),
            policy, Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void a_sev2_case_reported_by_chloe() {
        store.put(new Case(ESC_1, "Model invents a product recall", Severity.SEV2, CaseState.TRIAGE, Optional.of("llm-hallucination"),
                Optional.empty(), CHLOE, Optional.empty(), OPENED, Optional.of(new CaseChannel(CASE_CHANNEL, "esc-1-model")),
                Optional.empty(), Optional.empty(), false));
    }

    private Reply typed(UserId who, String text) {
        return commands.handle(text, new Invocation(who, CASE_CHANNEL, Optional.empty()));
    }

    private Reply click(UserId who, int decision, SignOff.Verdict verdict, Optional<String> reason) {
        return commands.handle(new app.escalate.commands.EscCommand.OnCase(Optional.of(ESC_1),
                new app.escalate.commands.CaseAction.SignOffDecision(decision, verdict, reason, Optional.of("1764300000.000100"))),
                Invocation.control(who, CASE_CHANNEL, Optional.empty()));
    }

    private Reply approve(UserId who, int decision) {
        return click(who, decision, SignOff.Verdict.APPROVED, Optional.empty());
    }

    private static String refusal(Reply reply) {
        assertThat(reply).isInstanceOf(Reply.Refusal.class);
        return ((Reply.Refusal) reply).reason();
    }

    private CaseFile file() {
        return store.file(ESC_1).orElseThrow();
    }

    private CaseDecision decision(int n) {
        return file().decision(n).orElseThrow();
    }

    @Test
    void a_decision_waits_for_one_member_of_each_group_and_brings_them_onto_the_case() {
        assertThat(typed(MARIA, "decide Retract the answer because it names a recall that never happened instead of a correction needs: legal, policy"))
                .isInstanceOf(Reply.Changed.class);

        CaseDecision d = decision(1);
        assertThat(d).isEqualTo(CaseDecision.taken(1, "Retract the answer", "it names a recall that never happened", List.of("a correction"),
                MARIA, NOW, List.of("legal", "policy")));
        assertThat(d.status()).isEqualTo(CaseDecision.Status.PENDING);
        assertThat(file().members()).contains(PRIYA, OMAR);
        assertThat(store.effects).contains(new SlackEffect.InviteToChannel(ESC_1, List.of(PRIYA, OMAR)), new SlackEffect.RequestSignOff(ESC_1, 1));

        assertThat(approve(PRIYA, 1)).isInstanceOf(Reply.Changed.class);
        assertThat(decision(1).status()).isEqualTo(CaseDecision.Status.PENDING);
        assertThat(decision(1).waitingOn()).containsExactly("policy");
        assertThat(approve(OMAR, 1)).isInstanceOf(Reply.Changed.class);
        assertThat(decision(1).status()).isEqualTo(CaseDecision.Status.SIGNED_OFF);
        assertThat(store.events).extracting(CaseEvent::data).contains(new EventData.DecisionSigned(1, "Retract the answer", List.of("policy"),
                SignOff.Verdict.APPROVED, Optional.empty(), CaseDecision.Status.SIGNED_OFF));
        assertThat(store.effects).contains(new SlackEffect.UpdateSignOff(ESC_1, 1, "1764300000.000100"));
    }

    @Test
    void only_those_who_may_steer_decide_and_only_existing_groups_with_people_sign() {
        assertThat(refusal(typed(CHLOE, "decide Retract it because wrong")))
                .isEqualTo("Only the case owner, the on-call or someone in the `responders` group can take a decision on ESC-1.");
        assertThat(refusal(typed(MARIA, "decide Retract it because wrong needs: lawyers")))
                .startsWith("There is no stakeholder group `lawyers` to sign off. Groups: `comms`, `eng`, `leadership`, `legal`,");
        assertThat(refusal(typed(MARIA, "decide Retract it because wrong needs: responders"))).startsWith("There is no stakeholder group `responders`");
        assertThat(file().decisions()).isEmpty();
    }

    @Test
    void a_sign_off_is_refused_to_others_twice_and_once_settled_and_changes_nothing() {
        typed(MARIA, "decide Retract the answer because it is wrong needs: legal, eng");
        assertThat(refusal(approve(CHLOE, 1))).isEqualTo("Only members of `legal` or `eng` can sign off decision #1.");
        assertThat(refusal(approve(PRIYA, 2))).isEqualTo("ESC-1 has no decision #2.");
        approve(PRIYA, 1);
        CaseFile afterPriya = file();
        int events = store.events.size();

        assertThat(refusal(approve(PRIYA, 1))).isEqualTo("`legal` answered decision #1 already.");
        assertThat(refusal(click(PRIYA, 1, SignOff.Verdict.OBJECTED, Optional.of("changed my mind"))))
                .isEqualTo("`legal` answered decision #1 already.");
        assertThat(refusal(click(DIEGO, 1, SignOff.Verdict.OBJECTED, Optional.empty()))).isEqualTo("An objection says why.");
        assertThat(file()).isEqualTo(afterPriya);
        assertThat(store.events).hasSize(events);

        approve(KENJI, 1);   // in eng (and a responder): answers for eng
        assertThat(decision(1).status()).isEqualTo(CaseDecision.Status.SIGNED_OFF);
        assertThat(refusal(approve(DIEGO, 1))).isEqualTo("Decision #1 of ESC-1 is signed off already; nothing was changed.");
    }

    @Test
    void the_decider_does_not_sign_off_their_own_decision_and_a_resolved_cases_decisions_stay_as_they_were() {
        typed(KENJI, "decide Ship the fix because it is tested needs: eng");   // Kenji steers (a responder) and is in eng
        assertThat(refusal(approve(KENJI, 1))).isEqualTo("You took decision #1; its sign-off is for someone else in `eng`.");
        assertThat(decision(1).status()).isEqualTo(CaseDecision.Status.PENDING);

        typed(MARIA, "set model assistant-large");
        typed(MARIA, "set model_version 2026-11");
        assertThat(typed(MARIA, "resolve Answer retracted everywhere cause:model-behaviour")).isInstanceOf(Reply.Changed.class);
        assertThat(refusal(approve(DIEGO, 1))).isEqualTo("ESC-1 is resolved; its decisions stand as they were. `/esc reopen` it first.");
        assertThat(decision(1).status()).isEqualTo(CaseDecision.Status.PENDING);
    }

    @Test
    void an_objection_rejects_and_only_the_decider_overrides_it_with_a_reason() {
        typed(MARIA, "decide Retract the answer because it is wrong needs: legal, policy");
        click(OMAR, 1, SignOff.Verdict.OBJECTED, Optional.of("Wording not cleared"));
        assertThat(decision(1).status()).isEqualTo(CaseDecision.Status.REJECTED);
        assertThat(refusal(approve(PRIYA, 1))).isEqualTo("Decision #1 of ESC-1 was rejected already; nothing was changed.");

        assertThat(refusal(typed(KENJI, "decide override 1 because press deadline")))
                .isEqualTo("Only whoever took decision #1 can override an objection to it.");
        assertThat(typed(MARIA, "decide override 1 because press deadline")).isInstanceOf(Reply.Changed.class);
        assertThat(decision(1).status()).isEqualTo(CaseDecision.Status.OVERRIDDEN);
        assertThat(decision(1).overruled()).contains(new CaseDecision.Overruled("press deadline", NOW));
        assertThat(refusal(typed(MARIA, "decide override 1 because again")))
                .isEqualTo("Decision #1 stands over an objection; only one rejected by an objection can be overridden.");
    }

    @Test
    void on_a_restricted_case_a_group_member_the_case_does_not_list_cannot_answer_by_a_button() {
        Case secret = new Case(new CaseId(2), "Subpoena for a user's chats", Severity.SEV2, CaseState.TRIAGE, Optional.empty(), Optional.empty(),
                CHLOE, Optional.empty(), OPENED, Optional.of(new CaseChannel(new ChannelId("G0CASE2"), "esc-2-subpoena")),
                Optional.empty(), Optional.empty(), true);
        // Omar joined policy after the decision was taken, so he was never brought onto the case.
        store.put(new CaseFile(secret, List.of(), java.util.Set.of(), java.util.Set.of(CHLOE, MARIA)).withDecision(
                CaseDecision.taken(1, "Comply", "Valid order", List.of(), MARIA, NOW, List.of("policy"))));

        Reply reply = commands.handle(new app.escalate.commands.EscCommand.OnCase(Optional.of(new CaseId(2)),
                        new app.escalate.commands.CaseAction.SignOffDecision(1, SignOff.Verdict.APPROVED, Optional.empty(), Optional.empty())),
                Invocation.control(OMAR, new ChannelId("G0CASE2"), Optional.empty()));

        assertThat(refusal(reply)).startsWith("There is no case ESC-2 that you can see.");
        assertThat(store.file(new CaseId(2)).orElseThrow().decision(1).orElseThrow().signOffs()).isEmpty();
    }

    @Test
    void a_pending_sign_off_is_reminded_once_after_the_severitys_ack_time() {
        typed(MARIA, "decide Retract the answer because it is wrong needs: legal");
        Duration ack = policy.severity(2).ack();
        assertThat(SignOffReminders.due(file(), policy, NOW.plus(ack).minusSeconds(1))).isEmpty();

        Instant later = NOW.plus(ack);
        assertThat(store.change(ESC_1, f -> SignOffReminders.remind(f, policy, later))).isInstanceOf(app.escalate.commands.Decision.Applied.class);
        assertThat(store.events).extracting(CaseEvent::data).contains(new EventData.SignOffReminded(1, "Retract the answer", List.of("legal"),
                List.of(PRIYA)));
        assertThat(SignOffReminders.due(file(), policy, later.plus(Duration.ofHours(1)))).isEmpty();
        assertThat(store.change(ESC_1, f -> SignOffReminders.remind(f, policy, later))).isInstanceOf(app.escalate.commands.Decision.Rejected.class);
    }
}
