package app.escalate.commands.handoff;

import app.escalate.commands.Acknowledgement;
import app.escalate.commands.Case;
import app.escalate.commands.CaseDecision;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseId;
import app.escalate.commands.DeadlineEntry;
import app.escalate.commands.Deadlines;
import app.escalate.commands.CaseState;
import app.escalate.commands.EventData;
import app.escalate.commands.HandoffDigest.CaseLine;
import app.escalate.commands.HandoffDigest;
import app.escalate.commands.Paging;
import app.escalate.commands.Severity;
import app.escalate.commands.SignOff;
import app.escalate.commands.SlaClock;
import app.escalate.commands.Task;
import app.escalate.commands.UserId;
import app.escalate.commands.Watch;
import app.escalate.config.PolicyLoader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DigestBuilderTest {
    private static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");
    private static final UserId MARIA = new UserId("U0ESCMARIA");
    private static final UserId AMARA = new UserId("U0ESCAMARA");
    private static final UserId PRIYA = new UserId("U0ESCPRIYA");
    private static final HandoffDigest.Header HEADER = new HandoffDigest.Header("escalations", "Escalations on-call",
            Optional.of(AMARA), MARIA, NOW, NOW.minus(Duration.ofHours(7)), false, false, Optional.empty(), List.of());

    private final DigestBuilder builder = new DigestBuilder(PolicyLoader.builtIn());

    static Case open(long n, Severity sev, Duration age, boolean acked, CaseState state, boolean restricted) {
        Instant opened = NOW.minus(age);
        return new Case(new CaseId(n), "Case " + n, sev, state, Optional.empty(), Optional.empty(), AMARA, Optional.of(AMARA),
                opened, Optional.empty(), acked ? Optional.of(new Acknowledgement(AMARA, opened.plusSeconds(60))) : Optional.empty(),
                Optional.empty(), restricted);
    }

    static CaseFile file(Case c) {
        return new CaseFile(c, List.of(), Set.of(), Set.of(c.reporter()));
    }

    private static DigestBuilder.Facts facts(List<CaseFile> open, List<CaseEvent> changes) {
        return new DigestBuilder.Facts(open, changes, id -> Optional.empty(), List.of());
    }

    @Test
    void breached_and_at_risk_cases_come_first_within_each_severity_and_lead_the_needs_action_list() {
        CaseFile onTrack = file(open(1, Severity.SEV2, Duration.ofMinutes(30), true, CaseState.INVESTIGATING, false));  // mitigate in 3h30
        CaseFile breached = file(open(2, Severity.SEV2, Duration.ofHours(5), true, CaseState.INVESTIGATING, false));    // mitigate 1h ago
        CaseFile atRisk = file(open(3, Severity.SEV2, Duration.ofHours(3).plusMinutes(30), true, CaseState.TRIAGE, false)); // 30 min left
        CaseFile unacked = file(open(4, Severity.SEV4, Duration.ofMinutes(10), false, CaseState.TRIAGE, false));       // ack in 3h50

        HandoffDigest d = builder.build(HEADER, facts(List.of(onTrack, breached, atRisk, unacked), List.of()), HandoffDigests.forTeam(), NOW);

        assertThat(d.bySeverity()).extracting(HandoffDigest.SeverityGroup::severity).containsExactly(2, 4);
        assertThat(d.bySeverity().get(0).cases().shown()).extracting(CaseLine::caseId).containsExactly(2L, 3L, 1L);
        assertThat(d.bySeverity().get(0).cases().shown().get(0).sla()).get()
                .extracting(SlaClock.Status::standing).isEqualTo(SlaClock.Standing.BREACHED);
        assertThat(d.needsAction().shown()).extracting(CaseLine::caseId).containsExactly(2L, 3L, 4L);
        assertThat(d.openTotal()).isEqualTo(4);
    }

    @Test
    void a_case_whose_deadline_is_breached_or_near_leads_needs_action_and_a_weekend_lists_every_deadline_before_it_ends() {
        CaseFile breachedSla = file(open(1, Severity.SEV1, Duration.ofHours(5), true, CaseState.INVESTIGATING, false));
        Case quiet = open(2, Severity.SEV3, Duration.ofMinutes(30), true, CaseState.INVESTIGATING, false);
        // A deadline of its own, set an hour ago and due in ten minutes: past its warning, so pressing.
        CaseFile pressing = file(quiet).withDeadline(new DeadlineEntry("court-reply", Optional.of(NOW.plus(Duration.ofMinutes(10))),
                NOW.minus(Duration.ofHours(1)), AMARA, Optional.empty()));
        CaseFile later = file(open(3, Severity.SEV3, Duration.ofMinutes(30), true, CaseState.INVESTIGATING, false))
                .withDeadline(new DeadlineEntry("partner-reply", Optional.of(NOW.plus(Duration.ofDays(2))), NOW, AMARA, Optional.empty()));
        CaseFile afterWeekend = file(open(4, Severity.SEV3, Duration.ofMinutes(30), true, CaseState.INVESTIGATING, false))
                .withDeadline(new DeadlineEntry("audit", Optional.of(NOW.plus(Duration.ofDays(5))), NOW, AMARA, Optional.empty()));

        HandoffDigest d = builder.build(HEADER, facts(List.of(breachedSla, pressing, later, afterWeekend), List.of()), HandoffDigests.forTeam(), NOW);
        assertThat(d.needsAction().shown()).extracting(CaseLine::caseId).containsExactly(2L, 1L);
        assertThat(d.needsAction().shown().get(0).pressing()).extracting(HandoffDigest.DeadlineLine::name, HandoffDigest.DeadlineLine::standing)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("court-reply", Deadlines.Standing.WARNED));
        assertThat(d.coverDeadlines().isEmpty()).isTrue();     // not a weekend handoff

        HandoffDigest.Header weekend = new HandoffDigest.Header("escalations", "Escalations on-call", Optional.of(AMARA), MARIA, NOW,
                NOW.minus(Duration.ofHours(7)), false, true, Optional.empty(), List.of(), Optional.of(NOW.plus(Duration.ofDays(3))));
        HandoffDigest w = builder.build(weekend, facts(List.of(breachedSla, pressing, later, afterWeekend), List.of()), HandoffDigests.forTeam(), NOW);
        assertThat(w.coverDeadlines().shown()).extracting(HandoffDigest.DeadlineLine::caseId, HandoffDigest.DeadlineLine::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "court-reply"), org.assertj.core.groups.Tuple.tuple(3L, "partner-reply"));
    }

    @Test
    void a_cases_line_names_the_fields_its_type_still_needs_recorded() {
        Case c = open(1, Severity.SEV2, Duration.ofMinutes(30), true, CaseState.INVESTIGATING, false);
        Case deepfake = new Case(c.id(), c.title(), c.severity(), c.state(), Optional.of("deepfake"), c.surface(), c.reporter(), c.owner(),
                c.openedAt(), c.channel(), c.acknowledged(), c.resolution(), false);
        CaseFile halfDone = file(deepfake).withField("depicted", "Public figure");
        CaseFile untyped = file(open(2, Severity.SEV2, Duration.ofMinutes(20), true, CaseState.INVESTIGATING, false));

        HandoffDigest d = builder.build(HEADER, facts(List.of(halfDone, untyped), List.of()), HandoffDigests.forTeam(), NOW);

        assertThat(d.bySeverity().get(0).cases().shown()).extracting(CaseLine::caseId, CaseLine::needs)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, List.of("Media URL")), org.assertj.core.groups.Tuple.tuple(2L, List.of()));
    }

    @Test
    void a_case_waits_on_the_groups_whose_sign_off_its_decisions_still_need() {
        CaseDecision pending = CaseDecision.taken(1, "Take it down", "Host confirmed", List.of(), MARIA, NOW, List.of("legal", "policy"))
                .signed(List.of(new SignOff("legal", PRIYA, SignOff.Verdict.APPROVED, Optional.empty(), NOW)));
        CaseDecision settled = CaseDecision.taken(2, "Say nothing", "Unclear", List.of(), MARIA, NOW, List.of("legal"))
                .signed(List.of(new SignOff("legal", PRIYA, SignOff.Verdict.APPROVED, Optional.empty(), NOW)));
        CaseFile waiting = file(open(1, Severity.SEV2, Duration.ofMinutes(30), true, CaseState.INVESTIGATING, false)).withDecision(pending)
                .withDecision(settled);
        CaseFile done = file(open(2, Severity.SEV2, Duration.ofMinutes(30), true, CaseState.INVESTIGATING, false)).withDecision(settled);

        HandoffDigest d = builder.build(HEADER, facts(List.of(waiting, done), List.of()), HandoffDigests.forTeam(), NOW);

        assertThat(d.waiting().shown()).extracting(HandoffDigest.WaitingLine::caseId, HandoffDigest.WaitingLine::signOffs)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, List.of("#1 Take it down (waiting on policy)")));
    }

    @Test
    void restricted_cases_are_a_count_for_the_team_and_shown_to_their_members() {
        Case secret = open(1, Severity.SEV1, Duration.ofMinutes(10), false, CaseState.TRIAGE, true);
        CaseFile restricted = new CaseFile(secret, List.of(task(1, "Call outside counsel")), Set.of("legal"), Set.of(AMARA, PRIYA),
                Paging.NONE, Optional.of(new Watch(AMARA, NOW)));
        CaseFile ordinary = file(open(2, Severity.SEV3, Duration.ofHours(2), true, CaseState.INVESTIGATING, false));
        List<CaseEvent> changes = List.of(CaseEvent.opened(secret, Optional.empty()));

        HandoffDigest team = builder.build(HEADER, facts(List.of(restricted, ordinary), changes), HandoffDigests.forTeam(), NOW);
        HandoffDigest priya = builder.build(HEADER, facts(List.of(restricted, ordinary), changes), HandoffDigests.forReader(PRIYA), NOW);

        assertThat(team.restrictedHidden()).isEqualTo(1);
        assertThat(team.bySeverity()).flatExtracting(g -> g.cases().shown()).extracting(CaseLine::caseId).containsExactly(2L);
        assertThat(team.needsAction().isEmpty()).isTrue();
        assertThat(team.changes().isEmpty()).isTrue();
        assertThat(team.tasks().isEmpty()).isTrue();
        assertThat(team.waiting().isEmpty()).isTrue();
        assertThat(team.watched().isEmpty()).isTrue();

        assertThat(priya.restrictedHidden()).isZero();
        assertThat(priya.needsAction().shown()).extracting(CaseLine::caseId).containsExactly(1L);
        assertThat(priya.changes().shown()).extracting(HandoffDigest.ChangeLine::what).containsExactly("opened as SEV1");
        assertThat(priya.tasks().shown()).extracting(HandoffDigest.TaskLine::text).containsExactly("Call outside counsel");
        assertThat(priya.waiting().shown()).extracting(HandoffDigest.WaitingLine::groups).containsExactly(List.of("legal"));
        assertThat(priya.watched().shown()).extracting(CaseLine::caseId).containsExactly(1L);
    }

    @Test
    void a_resolved_restricted_case_is_not_even_counted_in_the_teams_changes() {
        List<CaseEvent> changes = new ArrayList<>();
        List<CaseFile> closed = new ArrayList<>();
        for (int n = 1; n <= 20; n++) {
            Case c = open(n, Severity.SEV2, Duration.ofHours(1), true, CaseState.INVESTIGATING, n > 15);
            closed.add(file(c));
            changes.add(new CaseEvent(c.id(), NOW.minusSeconds(n), AMARA, new EventData.Resolved(CaseState.INVESTIGATING, "Done", Optional.empty())));
        }
        DigestBuilder.Facts facts = new DigestBuilder.Facts(List.of(), changes,
                id -> closed.stream().filter(f -> f.id().equals(id)).findFirst(), List.of());

        HandoffDigest team = builder.build(HEADER, facts, HandoffDigests.forTeam(), NOW);

        assertThat(team.changes().total()).isEqualTo(15);
        assertThat(team.changes().shown()).hasSize(DigestBuilder.CHANGES).extracting(HandoffDigest.ChangeLine::caseId)
                .allMatch(id -> id <= 15);
    }

    @Test
    void the_outgoing_persons_notes_survive_however_many_others_write() {
        List<HandoffNote> notes = new ArrayList<>();
        notes.add(new HandoffNote(Optional.of("escalations"), AMARA, "ESC-4 waits on the host's reply, due 18:00", NOW.minus(Duration.ofHours(3))));
        for (int i = 0; i < 12; i++) {
            notes.add(new HandoffNote(Optional.of("escalations"), MARIA, "noise " + i, NOW.minus(Duration.ofMinutes(60 - i))));
        }
        notes.add(new HandoffNote(Optional.of("escalations"), AMARA, "Legal call at 19:00", NOW.minus(Duration.ofMinutes(10))));

        HandoffDigest d = builder.build(HEADER, new DigestBuilder.Facts(List.of(), List.of(), id -> Optional.empty(), notes),
                HandoffDigests.forTeam(), NOW);

        assertThat(d.notes()).hasSize(DigestBuilder.NOTES);
        assertThat(d.notes()).extracting(HandoffDigest.NoteLine::text)
                .startsWith("ESC-4 waits on the host's reply, due 18:00", "noise 4")
                .endsWith("noise 11", "Legal call at 19:00");
    }

    @Test
    void the_shifts_changes_are_listed_newest_first() {
        Case c = open(1, Severity.SEV2, Duration.ofHours(3), true, CaseState.INVESTIGATING, false);
        CaseEvent opened = CaseEvent.opened(c, Optional.empty());
        CaseEvent raised = new CaseEvent(c.id(), NOW.minus(Duration.ofHours(1)), AMARA,
                new EventData.SeverityChanged(Severity.SEV3, Severity.SEV2, Optional.empty()));

        HandoffDigest d = builder.build(HEADER, facts(List.of(file(c)), List.of(opened, raised)), HandoffDigests.forTeam(), NOW);

        assertThat(d.changes().shown()).extracting(HandoffDigest.ChangeLine::what).containsExactly("SEV3 → SEV2", "opened as SEV2");
    }

    @Test
    void values_triage_proposed_and_people_left_out_read_as_such() {
        Case c = open(1, Severity.SEV2, Duration.ofHours(3), true, CaseState.INVESTIGATING, false);
        CaseEvent leftOut = new CaseEvent(c.id(), NOW.minus(Duration.ofMinutes(5)), AMARA, new EventData.TriageJudged(
                app.escalate.commands.TriageVerdict.LEFT_OUT, "Spread estimate (views): 12000", "not set", Optional.of("deepfake"), Severity.SEV2));

        HandoffDigest d = builder.build(HEADER, new DigestBuilder.Facts(List.of(file(c)), List.of(leftOut), id -> Optional.empty(), List.of()),
                HandoffDigests.forTeam(), NOW);

        assertThat(d.changes().shown()).extracting(HandoffDigest.ChangeLine::what)
                .containsExactly("AI triage's proposed Spread estimate (views): 12000 left out");
    }

    @Test
    void ten_thousand_open_cases_keep_every_section_bounded_and_count_the_rest() {
        List<CaseFile> open = new ArrayList<>();
        List<CaseEvent> changes = new ArrayList<>();
        for (int n = 1; n <= 10_000; n++) {
            Case c = open(n, Severity.values()[n % 4], Duration.ofMinutes(n % 600), n % 3 == 0, CaseState.INVESTIGATING, n % 50 == 0);
            open.add(new CaseFile(c, List.of(task(1, "Follow up " + n)), n % 7 == 0 ? Set.of("comms") : Set.of(), Set.of(AMARA),
                    Paging.NONE, n % 11 == 0 ? Optional.of(new Watch(AMARA, NOW)) : Optional.empty()));
            changes.add(CaseEvent.opened(c, Optional.empty()));
        }

        HandoffDigest d = builder.build(HEADER, facts(open, changes), HandoffDigests.forTeam(), NOW);

        assertThat(d.openTotal()).isEqualTo(9_800);
        assertThat(d.restrictedHidden()).isEqualTo(200);
        assertThat(d.bySeverity()).allSatisfy(g -> assertThat(g.cases().shown()).hasSize(DigestBuilder.PER_SEVERITY));
        assertThat(d.bySeverity()).extracting(g -> g.cases().total()).containsExactly(2_400, 2_500, 2_400, 2_500); // restricted ones are SEV1 and SEV3
        assertThat(d.needsAction().shown()).hasSize(DigestBuilder.NEEDS_ACTION);
        assertThat(d.changes().shown()).hasSize(DigestBuilder.CHANGES);
        assertThat(d.changes().total()).isEqualTo(9_800);
        assertThat(d.tasks().shown()).hasSize(DigestBuilder.TASKS);
        assertThat(d.tasks().total()).isEqualTo(9_800);
        assertThat(d.waiting().shown()).hasSize(DigestBuilder.WAITING);
        assertThat(d.watched().shown()).hasSize(DigestBuilder.WATCHED);
    }

    private static Task task(int n, String text) {
        return new Task(n, text, Optional.of(AMARA), AMARA, NOW.minus(Duration.ofHours(1)), Optional.empty(), Optional.empty());
    }
}
