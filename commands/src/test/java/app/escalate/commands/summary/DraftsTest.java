package app.escalate.commands.summary;

import app.escalate.commands.Case;
import app.escalate.commands.CaseChannel;
import app.escalate.commands.CaseFile;
import app.escalate.commands.ChannelId;
import app.escalate.commands.DraftKind;
import app.escalate.commands.DraftVersionStats;
import app.escalate.commands.EventData;
import app.escalate.commands.HandClock;
import app.escalate.commands.InMemoryCaseStore;
import app.escalate.commands.InMemoryDraftStore;
import app.escalate.commands.InMemoryOverrideStore;
import app.escalate.commands.Paging;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import app.escalate.commands.access.Permissions;
import app.escalate.commands.oncall.OnCall;
import app.escalate.config.Policy;
import app.escalate.config.PolicyLoader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static app.escalate.commands.summary.DraftCheckTest.CHLOE;
import static app.escalate.commands.summary.DraftCheckTest.MARIA;
import static app.escalate.commands.summary.DraftCheckTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;

class DraftsTest {
    private static final ChannelId CASE_CHANNEL = new ChannelId("C0ESC4");
    private final HandClock clock = new HandClock(NOW);
    private final Policy policy = PolicyLoader.builtIn();
    private final InMemoryCaseStore cases = new InMemoryCaseStore();
    private final InMemoryDraftStore store = new InMemoryDraftStore();
    private final Permissions permissions = new Permissions(policy, new OnCall(policy, new InMemoryOverrideStore()), clock);
    private final List<Prompt> asked = new ArrayList<>();

    private Drafts with(SummaryModel model) {
        return new Drafts(cases, store, policy, Optional.ofNullable(model), permissions, clock);
    }

    private SummaryModel answering(String text) {
        return new SummaryModel() {
            public String name() {
                return "fake:liar";
            }

            public ModelReply draft(Prompt prompt) {
                asked.add(prompt);
                return new ModelReply(text, 812, 96);
            }
        };
    }

    private void open(boolean restricted) {
        Case c = DraftCheckTest.deepfake();
        c = new Case(c.id(), c.title(), c.severity(), c.state(), c.caseType(), c.surface(), c.reporter(), c.owner(), c.openedAt(),
                Optional.of(new CaseChannel(CASE_CHANNEL, "esc-4-deepfake")), c.acknowledged(), c.resolution(), restricted);
        cases.put(new CaseFile(c, List.of(), Set.of(), Set.of(MARIA, CHLOE), Paging.NONE, Optional.empty()));
    }

    @Test
    void a_draft_is_checked_stored_with_its_costs_and_shown_only_to_whoever_asked() {
        open(false);
        Draft d = with(answering("ESC-4 is SEV2 and resolved.")).draft(DraftCheckTest.deepfake().id(), DraftKind.EXEC_SUMMARY, CHLOE,
                CASE_CHANNEL, Optional.of("https://hooks.slack.com/r/1"), "request-1");

        assertThat(d.model()).isEqualTo("fake:liar");
        assertThat(d.promptVersion()).isEqualTo("exec-summary.v1");
        assertThat(d.inputTokens()).isEqualTo(812);
        assertThat(d.outputTokens()).isEqualTo(96);
        assertThat(d.findings()).containsExactly("says SEV2, case is SEV1", "says resolved, case is investigating");
        assertThat(d.fallback()).isEmpty();
        assertThat(store.effects).containsExactly(new SlackEffect.ShowDraft(d.id()));
        assertThat(asked).singleElement().satisfies(p -> assertThat(p.user()).contains("Case id: ESC-4"));
    }

    @Test
    void a_request_drafted_already_returns_its_draft_without_asking_the_model_or_showing_it_again() {
        open(false);
        Drafts drafts = with(answering("Bottom line: ESC-4 is being handled."));
        Draft first = drafts.draft(DraftCheckTest.deepfake().id(), DraftKind.EXEC_SUMMARY, CHLOE, CASE_CHANNEL, Optional.empty(), "job:41");
        Draft again = drafts.draft(DraftCheckTest.deepfake().id(), DraftKind.EXEC_SUMMARY, CHLOE, CASE_CHANNEL, Optional.empty(), "job:41");

        assertThat(again).isEqualTo(first);
        assertThat(asked).hasSize(1);
        assertThat(store.drafts).hasSize(1);
        assertThat(store.effects).containsExactly(new SlackEffect.ShowDraft(first.id()));
    }

    @Test
    void a_restricted_case_is_drafted_from_the_template_and_says_why_without_reaching_the_model() {
        open(true);
        Draft d = with(answering("Bottom line: everything about the minister.")).draft(DraftCheckTest.deepfake().id(), DraftKind.EXEC_SUMMARY,
                CHLOE, CASE_CHANNEL, Optional.empty(), "job:7");

        assertThat(asked).isEmpty();
        assertThat(d.model()).isEqualTo("template");
        assertThat(d.fallback()).contains("Drafted from a template: this case is restricted, so its text is not sent to the model "
                + "(its case type would need `ai: allowed` in the policy).");
    }

    @Test
    void a_model_that_fails_gives_way_to_the_template_with_a_note() {
        open(false);
        SummaryModel broken = new SummaryModel() {
            public String name() {
                return "fake:down";
            }

            public ModelReply draft(Prompt prompt) throws ModelFailure {
                throw new ModelFailure("no answer within 20 s", null);
            }
        };

        Draft d = with(broken).draft(DraftCheckTest.deepfake().id(), DraftKind.EXEC_SUMMARY, CHLOE, CASE_CHANNEL, Optional.empty(), "request-2");

        assertThat(d.model()).isEqualTo("template");
        assertThat(d.fallback()).contains("Drafted from a template: the model failed (no answer within 20 s).");
        assertThat(d.text()).startsWith("Bottom line: ESC-4 (SEV1, investigating): Deepfake of a minister spreading.")
                .contains("Next update by 2026-11-24 13:10 UTC.");
        assertThat(d.findings()).isEmpty();
    }

    @Test
    void approving_an_edit_posts_to_the_case_and_leadership_and_records_how_much_was_changed() {
        open(false);
        Drafts drafts = with(null);
        Draft d = drafts.draft(DraftCheckTest.deepfake().id(), DraftKind.EXEC_SUMMARY, CHLOE, CASE_CHANNEL, Optional.empty(), "request-3");
        String edited = d.text().replace("Asks: none recorded.", "Asks: approve the takedown request to the host.");

        assertThat(drafts.approve(d.id(), new UserId("U0ESCOMAR"), Optional.of(edited))).get()
                .isEqualTo(new DraftDecision.Rejected("Only whoever asked for this draft, the case owner, the on-call or `responders` can post or discard it."));
        clock.advance(Duration.ofMinutes(2));
        assertThat(drafts.approve(d.id(), MARIA, Optional.of(edited))).get().isInstanceOf(DraftDecision.Applied.class);

        Draft decided = store.find(d.id()).orElseThrow();
        assertThat(decided.outcome()).contains(Draft.Outcome.EDITED);
        assertThat(decided.postedText()).contains(edited);
        assertThat(decided.editRatio()).get().satisfies(r -> assertThat(r).isBetween(0.05, 0.3));
        // The posts come first, the confirmation after them; the timeline records each post once Slack has answered it.
        // An edit overrode the AI: the editor is asked why.
        assertThat(store.effects).filteredOn(e -> !(e instanceof SlackEffect.ShowDraft)).containsExactly(
                new SlackEffect.PostDraft(d.id(), "C0ESC4", false), new SlackEffect.PostDraft(d.id(), "esc-leadership", true),
                new SlackEffect.ConfirmPosted(d.id(), MARIA, ""), new SlackEffect.OfferTags(d.caseId(), MARIA, CASE_CHANNEL, "draft:" + d.id()));
        assertThat(store.events).isEmpty();
        assertThat(drafts.discard(d.id(), CHLOE)).get().isEqualTo(new DraftDecision.Rejected("This draft was already posted."));
        assertThat(store.lastPosted(d.caseId(), DraftKind.EXEC_SUMMARY)).contains(NOW.plus(Duration.ofMinutes(2)));
    }

    @Test
    void a_summary_approved_by_someone_who_may_not_steer_the_case_stays_in_its_channel() {
        open(false);
        Drafts drafts = with(null);
        Draft d = drafts.draft(DraftCheckTest.deepfake().id(), DraftKind.EXEC_SUMMARY, CHLOE, CASE_CHANNEL, Optional.empty(), "request-4");

        assertThat(drafts.approve(d.id(), CHLOE, Optional.empty())).get().isInstanceOf(DraftDecision.Applied.class);

        assertThat(store.effects).filteredOn(e -> e instanceof SlackEffect.PostDraft).containsExactly(new SlackEffect.PostDraft(d.id(), "C0ESC4", false));
        assertThat(store.effects).contains(new SlackEffect.ConfirmPosted(d.id(), CHLOE, "Posting to #esc-leadership needs the case owner, "
                + "the on-call or someone in `responders` (one of them can run `/esc summary` and approve theirs)."));
    }

    @Test
    void an_edit_or_a_case_that_moved_on_is_checked_again_before_anything_is_posted() {
        open(false);
        Drafts drafts = with(null);
        Draft d = drafts.draft(DraftCheckTest.deepfake().id(), DraftKind.EXEC_SUMMARY, CHLOE, CASE_CHANNEL, Optional.empty(), "request-5");

        assertThat(drafts.approve(d.id(), MARIA, Optional.of("ESC-4 is SEV3 and resolved. @here"))).get()
                .isEqualTo(new DraftDecision.Rejected("Not posted: removed a broadcast mention (@channel, @here or @everyone); "
                        + "says SEV3, case is SEV1; says resolved, case is investigating. Correct the text (Edit), or Regenerate the draft "
                        + "from the case as it is now."));
        assertThat(store.find(d.id()).orElseThrow().isOpen()).isTrue();

        Case lowered = cases.get(4).withSeverity(app.escalate.commands.Severity.SEV2);
        cases.put(new CaseFile(lowered, List.of(), Set.of(), Set.of(MARIA, CHLOE), Paging.NONE, Optional.empty()));
        assertThat(drafts.approve(d.id(), MARIA, Optional.empty())).get().asString().contains("says SEV1, case is SEV2");
    }

    @Test
    void a_draft_with_findings_is_not_posted_as_is_until_each_is_confirmed_with_a_reason() {
        open(false);
        Drafts drafts = with(answering("Bottom line: ESC-4 is SEV2 and resolved. Details: https://evil.example/statement"));
        Draft d = drafts.draft(DraftCheckTest.deepfake().id(), DraftKind.EXEC_SUMMARY, CHLOE, CASE_CHANNEL, Optional.empty(), "request-6");
        assertThat(d.findings()).containsExactly("says SEV2, case is SEV1", "says resolved, case is investigating",
                "links to https://evil.example/statement, which is not in the case's facts");

        assertThat(drafts.approve(d.id(), MARIA, Optional.empty())).get().isEqualTo(new DraftDecision.Rejected(
                "Not posted: the checks found says SEV2, case is SEV1; says resolved, case is investigating; links to "
                        + "https://evil.example/statement, which is not in the case's facts. Correct the text, or confirm each finding "
                        + "and say why it stands (Review & post…)."));
        assertThat(drafts.approve(d.id(), MARIA, Optional.empty(), Optional.of(new Draft.Confirmation(d.findings().subList(0, 2), "checked"))))
                .get().asString().contains("Not posted: the checks found links to https://evil.example/statement");
        assertThat(drafts.approve(d.id(), MARIA, Optional.empty(), Optional.of(new Draft.Confirmation(d.findings(), "  "))))
                .get().isEqualTo(new DraftDecision.Rejected("Say why the findings can stand; the reason is kept with the post."));
        assertThat(store.find(d.id()).orElseThrow().isOpen()).isTrue();
        assertThat(store.effects).noneMatch(e -> e instanceof SlackEffect.PostDraft);

        assertThat(drafts.approve(d.id(), MARIA, Optional.empty(), Optional.of(new Draft.Confirmation(d.findings(), "Quoting the hoax "
                + "statement on purpose")))).get().isInstanceOf(DraftDecision.Applied.class);

        Draft posted = store.find(d.id()).orElseThrow();
        assertThat(posted.confirmed()).contains(new Draft.Confirmation(d.findings(), "Quoting the hoax statement on purpose"));
        assertThat(store.effects).contains(new SlackEffect.ConfirmPosted(d.id(), MARIA,
                "With " + d.findings().size() + " findings confirmed by you."));
        // What the timeline records once Slack takes the post: who stands behind it, and why the findings stand.
        assertThat(DraftPosts.posted(posted, "C0ESC4", false, NOW)).satisfies(e -> {
            assertThat(e.actor()).isEqualTo(MARIA);
            EventData.SummaryPosted post = e.as(EventData.SummaryPosted.class).orElseThrow();
            assertThat(post.why()).contains("Quoting the hoax statement on purpose");
            assertThat(post.confirmed()).hasValueSatisfying(c -> assertThat(c).contains("says SEV2, case is SEV1"));
        });
    }

    @Test
    void a_finding_the_case_has_since_made_true_needs_no_confirmation() {
        open(false);
        Drafts drafts = with(answering("Bottom line: ESC-4 is SEV2; takedowns requested."));
        Draft d = drafts.draft(DraftCheckTest.deepfake().id(), DraftKind.EXEC_SUMMARY, CHLOE, CASE_CHANNEL, Optional.empty(), "request-7");
        assertThat(d.openFindings()).containsExactly("says SEV2, case is SEV1");
        cases.put(new CaseFile(cases.get(4).withSeverity(app.escalate.commands.Severity.SEV2), List.of(), Set.of(), Set.of(MARIA, CHLOE),
                Paging.NONE, Optional.empty()));

        assertThat(drafts.approve(d.id(), MARIA, Optional.empty())).get().isInstanceOf(DraftDecision.Applied.class);
        assertThat(store.find(d.id()).orElseThrow().confirmed()).isEmpty();
    }

    @Test
    void an_edit_that_takes_the_findings_out_needs_no_confirmation() {
        open(false);
        Drafts drafts = with(answering("Bottom line: ESC-4 is SEV2. Details: https://evil.example/statement"));
        Draft d = drafts.draft(DraftCheckTest.deepfake().id(), DraftKind.EXEC_SUMMARY, CHLOE, CASE_CHANNEL, Optional.empty(), "request-8");

        assertThat(drafts.approve(d.id(), MARIA, Optional.of("Bottom line: ESC-4 is SEV2, see https://evil.example/statement")))
                .get().asString().contains("Not posted: the checks found says SEV2, case is SEV1; links to https://evil.example/statement");
        assertThat(drafts.approve(d.id(), MARIA, Optional.of("Bottom line: ESC-4 is SEV1; the host has the takedown request.")))
                .get().isInstanceOf(DraftDecision.Applied.class);
        assertThat(store.find(d.id()).orElseThrow().confirmed()).isEmpty();
    }

    @Test
    void a_case_without_a_channel_has_nowhere_to_post() {
        Case c = DraftCheckTest.deepfake();
        cases.put(new CaseFile(c, List.of(), Set.of(), Set.of(MARIA, CHLOE), Paging.NONE, Optional.empty()));
        Drafts drafts = with(null);
        Draft d = drafts.draft(c.id(), DraftKind.EXEC_SUMMARY, CHLOE, CASE_CHANNEL, Optional.empty(), "request-9");

        assertThat(drafts.approve(d.id(), MARIA, Optional.empty())).get().isEqualTo(new DraftDecision.Rejected(
                "ESC-4 has no channel yet, so there is nowhere to post this; try again once its channel exists."));
        assertThat(store.effects).noneMatch(e -> e instanceof SlackEffect.PostDraft);
    }

    @Test
    void a_restricted_case_summary_stays_in_its_channel() {
        open(true);
        Drafts drafts = with(null);
        Draft d = drafts.draft(DraftCheckTest.deepfake().id(), DraftKind.EXEC_SUMMARY, CHLOE, CASE_CHANNEL, Optional.empty(), "request-10");

        drafts.approve(d.id(), CHLOE, Optional.empty());

        assertThat(store.find(d.id()).orElseThrow().outcome()).contains(Draft.Outcome.AS_IS);
        assertThat(store.effects).filteredOn(e -> e instanceof SlackEffect.PostDraft).containsExactly(new SlackEffect.PostDraft(d.id(), "C0ESC4", false));
    }

    @Test
    void acceptance_falling_well_below_its_baseline_tells_the_team_at_most_once_every_20_decisions() {
        open(false);
        Drafts drafts = with(null);
        for (int i = 0; i < 60; i++) {
            Draft d = drafts.draft(DraftCheckTest.deepfake().id(), DraftKind.EXEC_SUMMARY, CHLOE, CASE_CHANNEL, Optional.empty(), "request-11-" + i);
            clock.advance(Duration.ofMinutes(1));
            if (i < 30 || i % 4 == 0) drafts.approve(d.id(), MARIA, Optional.empty());   // 100%, then 25%
            else drafts.discard(d.id(), CHLOE);
        }

        List<SlackEffect> notices = store.effects.stream().filter(e -> e instanceof SlackEffect.TeamNotice).toList();
        assertThat(notices).extracting(n -> ((SlackEffect.TeamNotice) n).text()).containsExactly(
                "Executive summary drafts: acceptance over the last 20 decisions is 60%, against 100% before them. "
                        + "Check recent drafts (/esc stats) and the prompt or model in use.",
                "Executive summary drafts: acceptance over the last 20 decisions is 25%, against 80% before them. "
                        + "Check recent drafts (/esc stats) and the prompt or model in use.");
        List<DraftVersionStats> stats = DraftStats.byVersion(store.decided(DraftKind.EXEC_SUMMARY));
        assertThat(stats).singleElement().satisfies(s -> {
            assertThat(s.asIs()).isEqualTo(37);
            assertThat(s.discarded()).isEqualTo(23);
            assertThat(s.fellBack()).isEqualTo(60);
        });
    }

    @Test
    void a_sev1_reminds_its_channel_when_an_exec_update_is_due_and_a_posted_summary_resets_the_clock() {
        open(false);
        ExecUpdates updates = new ExecUpdates(cases, store, policy, clock);
        clock.set(DraftCheckTest.OPENED.plus(Duration.ofMinutes(29)));
        assertThat(updates.sweep()).isZero();
        clock.set(DraftCheckTest.OPENED.plus(Duration.ofMinutes(30)));
        assertThat(updates.sweep()).isEqualTo(1);
        assertThat(updates.sweep()).isZero();

        Drafts drafts = with(null);
        clock.set(DraftCheckTest.OPENED.plus(Duration.ofMinutes(45)));
        Draft d = drafts.draft(DraftCheckTest.deepfake().id(), DraftKind.EXEC_SUMMARY, CHLOE, CASE_CHANNEL, Optional.empty(), "request-12");
        drafts.approve(d.id(), MARIA, Optional.empty());
        clock.set(DraftCheckTest.OPENED.plus(Duration.ofMinutes(74)));
        assertThat(updates.sweep()).isZero();
        clock.set(DraftCheckTest.OPENED.plus(Duration.ofMinutes(75)));
        assertThat(updates.sweep()).isEqualTo(1);
        assertThat(store.effects).filteredOn(e -> e instanceof SlackEffect.ExecUpdateDue).hasSize(2);
    }
}
