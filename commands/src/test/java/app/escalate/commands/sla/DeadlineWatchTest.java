package app.escalate.commands.sla;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseId;
import app.escalate.commands.ChannelId;
import app.escalate.commands.Deadlines;
import app.escalate.commands.EscCommand;
import app.escalate.commands.EventData;
import app.escalate.commands.HandClock;
import app.escalate.commands.InMemoryCaseStore;
import app.escalate.commands.InMemoryDraftStore;
import app.escalate.commands.InMemoryHandoffStore;
import app.escalate.commands.InMemoryOverrideStore;
import app.escalate.commands.Invocation;
import app.escalate.commands.Reply;
import app.escalate.commands.Severity;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.TeamStats;
import app.escalate.commands.UserId;
import app.escalate.commands.handlers.EscCommands;
import app.escalate.commands.oncall.OnCall;
import app.escalate.config.Policy;
import app.escalate.config.PolicyLoader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Deadlines on the example policy; cases opened Tuesday 24 November 2026 at 12:00 UTC (Amara primary and secondary until 16:00). */
class DeadlineWatchTest {
    private static final Instant OPENED = Instant.parse("2026-11-24T12:00:00Z");
    private static final UserId CHLOE = new UserId("U0ESCCHLOE");
    private static final UserId AMARA = new UserId("U0ESCAMARA");
    private static final CaseId ESC_1 = new CaseId(1);

    private final HandClock clock = new HandClock(OPENED);
    private final Policy policy = PolicyLoader.builtIn();
    private final InMemoryCaseStore store = new InMemoryCaseStore();
    private final InMemoryOverrideStore overrides = new InMemoryOverrideStore();
    private final EscCommands commands = new EscCommands(store, overrides, new InMemoryHandoffStore(), new InMemoryDraftStore(), policy, clock);
    private final DeadlineWatch watch = new DeadlineWatch(store, policy, new OnCall(policy, overrides), clock);

    private void at(Instant when) {
        clock.set(when);
        watch.sweep();
    }

    private List<CaseEvent> alerts() {
        return store.events.stream().filter(e -> e.kind() == CaseEvent.Kind.DEADLINE_WARNING || e.kind() == CaseEvent.Kind.DEADLINE_BREACHED)
                .toList();
    }

    private Reply esc(UserId who, String text, ZoneId zone) {
        return commands.handle(text, new Invocation(who, new ChannelId("C0TEAM"), Optional.empty(), zone));
    }

    private Reply esc(UserId who, String text) {
        return esc(who, text, ZoneOffset.UTC);
    }

    private void openRegulatoryRequest(String receivedAt) {
        Reply opened = commands.handle(new EscCommand.Open("Data request from the regulator", Optional.of(Severity.SEV2),
                Optional.of("regulatory-request"), Optional.empty(), Optional.empty(), Optional.empty(),
                Map.of("regulator", "Autorité X", "received_at", receivedAt)), new Invocation(CHLOE, new ChannelId("C0TEAM"), Optional.empty()));
        assertThat(opened).isInstanceOf(Reply.CaseOpened.class);
    }

    private CaseFile file() {
        return store.file(ESC_1).orElseThrow();
    }

    @Test
    void a_regulators_deadline_runs_from_received_at_warns_two_days_before_and_pages_the_next_level_when_breached() {
        openRegulatoryRequest("2026-11-20T09:00:00Z");   // received four days before it was opened here
        Instant due = Instant.parse("2026-11-30T09:00:00Z");
        assertThat(Deadlines.open(file(), policy.caseType("regulatory-request"))).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("regulator-reply");
            assertThat(d.due()).isEqualTo(due);
            assertThat(d.warnAt()).isEqualTo(due.minus(Duration.ofDays(2)));
        });
        store.effects.clear();

        at(due.minus(Duration.ofDays(2)).minusSeconds(1));
        assertThat(alerts()).isEmpty();
        at(due.minus(Duration.ofDays(2)));
        at(due.minus(Duration.ofHours(1)));                       // a later sweep raises nothing twice
        assertThat(alerts()).singleElement().extracting(CaseEvent::data).isInstanceOfSatisfying(EventData.DeadlineWarning.class,
                w -> assertThat(w.due()).isEqualTo(due));
        assertThat(DeadlineWatch.recorded(file(), Deadlines.open(file(), policy.caseType("regulatory-request")).get(0)))
                .isEqualTo(Deadlines.Standing.WARNED);

        at(due);
        at(due.plusSeconds(30));
        assertThat(alerts()).extracting(CaseEvent::kind).containsExactly(CaseEvent.Kind.DEADLINE_WARNING, CaseEvent.Kind.DEADLINE_BREACHED);
        assertThat(store.effects).filteredOn(e -> e instanceof SlackEffect.Page).isNotEmpty();
        assertThat(store.effects).contains(new SlackEffect.UpdateCaseCard(ESC_1));
        assertThat(DeadlineWatch.recorded(file(), Deadlines.open(file(), policy.caseType("regulatory-request")).get(0)))
                .isEqualTo(Deadlines.Standing.BREACHED);
    }

    @Test
    void a_deadline_waits_for_the_field_it_runs_from() {
        esc(CHLOE, "open Court order about a video sev2");
        esc(AMARA, "ack ESC-1");
        CaseFile untyped = file();
        assertThat(Deadlines.waiting(untyped, policy.caseType("regulatory-request"))).singleElement()
                .isEqualTo(new Deadlines.Waiting("regulator-reply", "Received at"));
        assertThat(Deadlines.of(untyped, policy.caseType("regulatory-request"))).isEmpty();
    }

    @Test
    void people_set_move_finish_and_drop_deadlines_of_their_own() {
        esc(CHLOE, "open Advertiser threatens to pull spend sev3");
        Reply set = esc(AMARA, "deadline ESC-1 partner-reply in 4h");
        assertThat(set).isInstanceOf(Reply.Changed.class);
        Deadlines.Deadline d = Deadlines.open(file(), Optional.empty()).get(0);
        assertThat(d.due()).isEqualTo(OPENED.plus(Duration.ofHours(4)));
        assertThat(d.warnAt()).isEqualTo(OPENED.plus(Duration.ofHours(3)));     // three quarters of its time, as the SLA clocks

        at(OPENED.plus(Duration.ofHours(3)));
        assertThat(alerts()).hasSize(1);
        // Moved later (the partner gave a day more): a new due time warns and breaches anew, the old one never breaches.
        clock.set(OPENED.plus(Duration.ofHours(3).plusMinutes(10)));
        assertThat(esc(AMARA, "deadline ESC-1 partner-reply 2026-11-25 16:00")).isInstanceOf(Reply.Changed.class);
        assertThat(store.events).filteredOn(e -> e.kind() == CaseEvent.Kind.DEADLINE_SET).last().extracting(CaseEvent::data)
                .isEqualTo(new EventData.DeadlineSet("partner-reply", Instant.parse("2026-11-25T16:00:00Z"),
                        Optional.of(OPENED.plus(Duration.ofHours(4)))));
        at(OPENED.plus(Duration.ofHours(5)));
        assertThat(alerts()).hasSize(1);

        clock.set(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(esc(AMARA, "deadline ESC-1 done partner-reply")).isInstanceOf(Reply.Changed.class);
        assertThat(store.events).filteredOn(e -> e.kind() == CaseEvent.Kind.DEADLINE_DONE).singleElement().extracting(CaseEvent::data)
                .isEqualTo(new EventData.DeadlineDone("partner-reply", Instant.parse("2026-11-25T16:00:00Z"), true));
        at(Instant.parse("2026-11-26T00:00:00Z"));
        assertThat(alerts()).hasSize(1);                         // done in time: nothing more is raised

        assertThat(esc(AMARA, "deadline ESC-1 done partner-reply")).isEqualTo(new Reply.Refusal("ESC-1 has no open deadline `partner-reply`."));
        assertThat(esc(AMARA, "deadline ESC-1 legal-hold in 2h")).isInstanceOf(Reply.Changed.class);
        assertThat(esc(AMARA, "deadline ESC-1 drop legal-hold")).isInstanceOfSatisfying(Reply.Usage.class,
                u -> assertThat(u.problem()).get().asString().contains("because <reason>"));
        assertThat(esc(AMARA, "deadline ESC-1 drop legal-hold because the order was withdrawn")).isInstanceOf(Reply.Changed.class);
        assertThat(Deadlines.of(file(), Optional.empty())).extracting(x -> x.name() + " " + x.standing(clock.instant()))
                .containsExactly("partner-reply MET", "legal-hold DROPPED");
        assertThat(esc(AMARA, "deadline ESC-1 x 2026-11-20 09:00")).isEqualTo(new Reply.Refusal("That time has passed; a deadline is due later than now."));
    }

    @Test
    void a_time_of_day_is_the_askers_across_a_daylight_saving_change() {
        clock.set(Instant.parse("2027-03-10T15:00:00Z"));        // New York on EST (UTC-5)
        esc(CHLOE, "open Election deepfake sev2");
        // After the change on 14 March, 09:00 in New York is 13:00 UTC, not 14:00.
        esc(AMARA, "deadline ESC-1 platform-report 2027-03-15 09:00", ZoneId.of("America/New_York"));
        assertThat(Deadlines.open(file(), Optional.empty())).singleElement().extracting(Deadlines.Deadline::due)
                .isEqualTo(Instant.parse("2027-03-15T13:00:00Z"));
        at(Instant.parse("2027-03-15T12:59:59Z"));
        assertThat(alerts()).extracting(CaseEvent::kind).containsExactly(CaseEvent.Kind.DEADLINE_WARNING);
        at(Instant.parse("2027-03-15T13:00:00Z"));
        assertThat(alerts()).extracting(CaseEvent::kind).containsExactly(CaseEvent.Kind.DEADLINE_WARNING, CaseEvent.Kind.DEADLINE_BREACHED);
    }

    @Test
    void stats_count_each_deadline_met_or_missed_once() {
        esc(CHLOE, "open Court order one sev3");
        esc(CHLOE, "open Court order two sev3");
        esc(AMARA, "deadline ESC-1 court-reply in 2h");
        esc(AMARA, "deadline ESC-2 court-reply in 2h");
        clock.set(OPENED.plus(Duration.ofHours(1)));
        esc(AMARA, "deadline ESC-1 done court-reply");
        at(OPENED.plus(Duration.ofHours(3)));                    // ESC-2's runs out
        clock.set(OPENED.plus(Duration.ofHours(4)));
        esc(AMARA, "deadline ESC-2 done court-reply");           // done late: still one miss

        // Names people typed may tell a restricted case's business: they are counted together, the policy's by name.
        assertThat(TeamStats.deadlines(store.events, java.util.Set.of("takedown"))).isEqualTo(Map.of(TeamStats.SET_BY_PEOPLE, new TeamStats.Compliance(1, 2)));
        assertThat(TeamStats.deadlines(store.events, java.util.Set.of("court-reply"))).isEqualTo(Map.of("court-reply", new TeamStats.Compliance(1, 2)));
    }

    @Test
    void what_would_silence_a_clock_is_for_those_who_steer_the_case() {
        esc(CHLOE, "open Court order about a video sev3");              // Chloe reported it: she works it, but may not steer it
        assertThat(esc(CHLOE, "deadline ESC-1 court-reply in 4h")).isInstanceOf(Reply.Changed.class);
        assertThat(esc(CHLOE, "deadline ESC-1 court-reply in 3h")).as("brought forward").isInstanceOf(Reply.Changed.class);
        assertThat(esc(CHLOE, "deadline ESC-1 court-reply in 5h")).isEqualTo(new Reply.Refusal(
                "Only the case owner, the on-call or someone in the `responders` group can move a deadline later."));
        assertThat(esc(CHLOE, "deadline ESC-1 drop court-reply because it is fine")).isEqualTo(new Reply.Refusal(
                "Only the case owner, the on-call or someone in the `responders` group can drop a deadline."));
        assertThat(Deadlines.open(file(), Optional.empty())).singleElement().extracting(Deadlines.Deadline::due)
                .isEqualTo(OPENED.plus(Duration.ofHours(3)));
        assertThat(esc(AMARA, "deadline ESC-1 court-reply in 5h")).as("Amara is on call").isInstanceOf(Reply.Changed.class);
        assertThat(esc(AMARA, "deadline ESC-1 court-reply in 5h")).isEqualTo(new Reply.Refusal("`court-reply` of ESC-1 is due then already; nothing changed."));
    }

    @Test
    void a_types_deadline_is_moved_or_finished_only_by_those_who_steer_and_keeps_its_warning_when_moved() {
        openRegulatoryRequest("2026-11-20T09:00:00Z");
        assertThat(esc(CHLOE, "deadline ESC-1 done regulator-reply")).isEqualTo(new Reply.Refusal(
                "Only the case owner, the on-call or someone in the `responders` group can mark the regulator-reply deadline done."));
        assertThat(esc(CHLOE, "deadline ESC-1 regulator-reply 2026-11-29 09:00")).isInstanceOf(Reply.Refusal.class);
        assertThat(esc(AMARA, "deadline ESC-1 regulator-reply 2026-12-02 09:00")).isInstanceOf(Reply.Changed.class);   // the regulator agreed two more days
        assertThat(Deadlines.open(file(), policy.caseType("regulatory-request"))).singleElement().extracting(Deadlines.Deadline::warnAt)
                .isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));   // still warn_at (2 days) before it is due
    }

    @Test
    void deadlines_running_out_together_page_the_next_level_once_and_one_found_a_day_late_pages_no_one() {
        esc(CHLOE, "open Two court orders sev3");
        esc(AMARA, "ack ESC-1");
        esc(AMARA, "deadline ESC-1 first-order in 2h");
        esc(AMARA, "deadline ESC-1 second-order in 2h");
        store.effects.clear();
        at(OPENED.plus(Duration.ofHours(2)));
        assertThat(alerts()).extracting(CaseEvent::kind).containsExactly(CaseEvent.Kind.DEADLINE_BREACHED, CaseEvent.Kind.DEADLINE_BREACHED);
        assertThat(store.effects).filteredOn(e -> e instanceof SlackEffect.Page).extracting(e -> ((SlackEffect.Page) e).level())
                .as("the secondary, not the managers as well").containsOnly("secondary");

        esc(CHLOE, "open Old order sev3");
        esc(AMARA, "deadline ESC-2 old-order in 1h");
        store.effects.clear();
        at(OPENED.plus(Duration.ofHours(28)));                   // the sweep first sees it 25 hours after it ran out
        assertThat(alerts()).filteredOn(e -> e.caseId().equals(new CaseId(2))).extracting(CaseEvent::kind)
                .containsExactly(CaseEvent.Kind.DEADLINE_BREACHED);
        assertThat(store.effects).filteredOn(e -> e instanceof SlackEffect.Page).isEmpty();
        assertThat(store.effects).contains(new SlackEffect.UpdateCaseCard(new CaseId(2)));
    }

    @Test
    void resolving_a_case_finishes_its_open_deadlines_met_or_missed() {
        esc(CHLOE, "open Partner statement sev3");
        esc(AMARA, "deadline ESC-1 early in 1h");
        esc(AMARA, "deadline ESC-1 later in 5h");
        clock.set(OPENED.plus(Duration.ofHours(2)));
        assertThat(esc(AMARA, "resolve ESC-1 Statement sent")).isInstanceOf(Reply.Changed.class);
        assertThat(store.events).filteredOn(e -> e.kind() == CaseEvent.Kind.DEADLINE_DONE).extracting(CaseEvent::data).containsExactlyInAnyOrder(
                new EventData.DeadlineDone("early", OPENED.plus(Duration.ofHours(1)), false),
                new EventData.DeadlineDone("later", OPENED.plus(Duration.ofHours(5)), true));
        assertThat(Deadlines.open(file(), Optional.empty())).isEmpty();
        esc(AMARA, "reopen ESC-1");
        at(OPENED.plus(Duration.ofHours(6)));
        assertThat(alerts()).as("nothing runs on after a reopen").isEmpty();
    }

    @Test
    void a_time_the_askers_clocks_skip_or_one_too_far_ahead_is_refused() {
        clock.set(Instant.parse("2027-03-10T15:00:00Z"));
        esc(CHLOE, "open Election deepfake sev2");
        assertThat(esc(AMARA, "deadline ESC-1 report 2027-03-14 02:30", ZoneId.of("America/New_York"))).isEqualTo(new Reply.Refusal(
                "02:30 on 2027-03-14 does not exist in America/New_York (the clocks skip it); pick another time."));
        assertThat(esc(AMARA, "deadline ESC-1 report 2099-01-01 00:00")).isEqualTo(new Reply.Refusal("A deadline is due within 400 days from now."));
        assertThat(file().deadlines()).isEmpty();
    }

    @Test
    void a_resolved_case_takes_no_deadline_and_bad_names_are_explained() {
        esc(CHLOE, "open Court order sev3");
        assertThat(esc(AMARA, "deadline ESC-1 Reply_Now in 2h")).isInstanceOfSatisfying(Reply.Usage.class,
                u -> assertThat(u.problem()).get().asString().contains("lowercase letters, digits and hyphens"));
        assertThat(esc(AMARA, "deadline ESC-1 reply in 500d")).isInstanceOfSatisfying(Reply.Usage.class,
                u -> assertThat(u.problem()).get().asString().contains("within 400 days"));
        for (int i = 1; i <= 20; i++) esc(AMARA, "deadline ESC-1 item-" + i + " in " + i + "h");
        assertThat(esc(AMARA, "deadline ESC-1 item-21 in 2h")).isEqualTo(new Reply.Refusal("ESC-1 has 20 open deadlines; mark one done or drop one first."));
        assertThat(esc(AMARA, "deadline ESC-1 item-20 in 30h")).isInstanceOf(Reply.Changed.class);   // moving one still works
        esc(AMARA, "resolve ESC-1 Complied with the order");
        assertThat(esc(AMARA, "deadline ESC-1 reply in 2h")).isEqualTo(new Reply.Refusal("ESC-1 is resolved; `/esc reopen` it first."));
        assertThat(file().deadlines()).hasSize(20);
    }
}
