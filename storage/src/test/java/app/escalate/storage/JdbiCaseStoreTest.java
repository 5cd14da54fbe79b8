package app.escalate.storage;

import app.escalate.commands.Case;
import app.escalate.commands.CaseChannel;
import app.escalate.commands.CaseDecision;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseId;
import app.escalate.commands.ChannelId;
import app.escalate.commands.DeadlineEntry;
import app.escalate.commands.Decision;
import app.escalate.commands.JointDecision;
import app.escalate.commands.EventData;
import app.escalate.commands.NewCase;
import app.escalate.commands.Opening;
import app.escalate.commands.Severity;
import app.escalate.commands.SignOff;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.TriageState;
import app.escalate.commands.UserId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbiCaseStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-28T03:00:00.123456789Z");
    private static final UserId MARIA = new UserId("U0ESCMARIA");

    private static NewCase draft(String title, Severity severity, Duration after) {
        return new NewCase(title, severity, Optional.of("deepfake"), Optional.of("video"), Optional.of("Spreading fast"), MARIA, T0.plus(after), false);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void opening_numbers_cases_in_order_and_keeps_every_field(DatabaseKind kind) {
        try (Database db = kind.open()) {
            JdbiCaseStore store = new JdbiCaseStore(db.jdbi());

            Case first = store.open(draft("Fake CEO audio", Severity.SEV1, Duration.ZERO), c -> Opening.of(List.of()));
            Case second = store.open(draft("Scam ads", Severity.SEV3, Duration.ofMinutes(1)), c -> Opening.of(List.of()));

            assertThat(first.id()).isEqualTo(new CaseId(1));
            assertThat(second.id()).isEqualTo(new CaseId(2));
            assertThat(store.find(first.id())).contains(first);
            assertThat(first.openedAt()).isEqualTo(Instant.parse("2026-11-28T03:00:00.123Z"));
            assertThat(store.find(new CaseId(99))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void triage_changes_the_type_severity_and_surface_and_its_state_is_kept_with_the_case(DatabaseKind kind) {
        try (Database db = kind.open()) {
            JdbiCaseStore store = new JdbiCaseStore(db.jdbi());
            Case opened = store.open(new NewCase("Face swap video", Severity.SEV3, Optional.empty(), Optional.empty(), Optional.empty(),
                    MARIA, T0, false), c -> Opening.of(List.of()));
            TriageState state = new TriageState(TriageState.Status.APPLIED, Optional.of("deepfake"), Severity.SEV2, Optional.of("video, feed"),
                    Optional.empty(), Severity.SEV3, Optional.empty());

            store.change(opened.id(), file -> new Decision.Applied(
                    file.with(file.details().withTriage(Optional.of("deepfake"), Severity.SEV2, Optional.of("video, feed")))
                            .withTriage(Optional.of(state)),
                    List.of(new CaseEvent(opened.id(), T0, MARIA, new EventData.RunbookStarted("deepfake"))),
                    List.of(new SlackEffect.ShowTriage(opened.id()))));

            CaseFile file = store.file(opened.id()).orElseThrow();
            assertThat(file.details().caseType()).contains("deepfake");
            assertThat(file.details().severity()).isEqualTo(Severity.SEV2);
            assertThat(file.details().surface()).contains("video, feed");
            assertThat(file.triage()).contains(state);
            assertThat(store.openFiles()).singleElement().extracting(CaseFile::triage).isEqualTo(Optional.of(state));
            assertThat(new Outbox(db.jdbi()).lease(Outbox.Lane.SLACK, T0.plusSeconds(1), 5, Duration.ofMinutes(1))).extracting(OutboxEntry::effect)
                    .containsExactly(new SlackEffect.ShowTriage(opened.id()));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void the_case_its_opened_event_and_its_effects_commit_together(DatabaseKind kind) {
        try (Database db = kind.open()) {
            JdbiCaseStore store = new JdbiCaseStore(db.jdbi());
            Outbox outbox = new Outbox(db.jdbi());

            Case opened = store.open(draft("Fake CEO audio", Severity.SEV1, Duration.ZERO),
                    c -> Opening.of(List.of(new SlackEffect.CreateChannel(c.id(), "esc-1-fake-ceo-audio", false),
                            new SlackEffect.PostCaseCard(c.id()))));

            assertThat(store.timeline(opened.id())).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(CaseEvent.Kind.OPENED);
                assertThat(e.actor()).isEqualTo(MARIA);
                assertThat(e.data()).isEqualTo(new EventData.Opened("Fake CEO audio", Severity.SEV1, Optional.of("deepfake"), Optional.of("video"), Optional.of("Spreading fast")));
            });
            assertThat(outbox.backlog()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_failure_while_opening_leaves_nothing_behind(DatabaseKind kind) {
        try (Database db = kind.open()) {
            JdbiCaseStore store = new JdbiCaseStore(db.jdbi());

            assertThatThrownBy(() -> store.open(draft("Doomed", Severity.SEV2, Duration.ZERO), c -> {
                throw new IllegalStateException("boom");
            })).hasMessage("boom");

            assertThat(store.openCases()).isEmpty();
            assertThat(new Outbox(db.jdbi()).backlog()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void lists_open_cases_most_severe_then_oldest_first(DatabaseKind kind) {
        try (Database db = kind.open()) {
            JdbiCaseStore store = new JdbiCaseStore(db.jdbi());
            Case sev3 = store.open(draft("a", Severity.SEV3, Duration.ZERO), c -> Opening.of(List.of()));
            Case sev1Late = store.open(draft("b", Severity.SEV1, Duration.ofMinutes(9)), c -> Opening.of(List.of()));
            Case sev1Early = store.open(draft("c", Severity.SEV1, Duration.ofMinutes(2)), c -> Opening.of(List.of()));

            assertThat(store.openCases()).containsExactly(sev1Early, sev1Late, sev3);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void fields_set_and_changed_are_read_back_by_the_case_file_and_with_the_open_files(DatabaseKind kind) {
        try (Database db = kind.open()) {
            JdbiCaseStore store = new JdbiCaseStore(db.jdbi());
            Case opened = store.open(draft("Fake CEO audio", Severity.SEV1, Duration.ZERO), c -> Opening.of(List.of()));
            String media = "https://video.example/watch?v=1&t=2 " + "é😀".repeat(1400);
            store.change(opened.id(), f -> new Decision.Applied(f.withField("media_url", media).withField("spread", "12000"),
                    List.of(new CaseEvent(f.id(), T0, MARIA, new EventData.FieldSet("spread", "Spread", Optional.empty(), "12000"))), List.of()));
            store.change(opened.id(), f -> new Decision.Applied(f.withField("spread", "50000"),
                    List.of(new CaseEvent(f.id(), T0, MARIA, new EventData.FieldSet("spread", "Spread", Optional.of("12000"), "50000"))), List.of()));

            java.util.Map<String, String> expected = java.util.Map.of("media_url", media, "spread", "50000");
            assertThat(store.file(opened.id()).orElseThrow().fields()).isEqualTo(expected);
            assertThat(store.openFiles()).singleElement().extracting(CaseFile::fields).isEqualTo(expected);
            assertThat(store.timeline(opened.id())).extracting(CaseEvent::data).contains(
                    new EventData.FieldSet("spread", "Spread", Optional.of("12000"), "50000"));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void deadlines_set_moved_and_closed_are_read_back_with_their_events(DatabaseKind kind) {
        try (Database db = kind.open()) {
            JdbiCaseStore store = new JdbiCaseStore(db.jdbi());
            Case opened = store.open(draft("Court order", Severity.SEV2, Duration.ZERO), c -> Opening.of(List.of()));
            Instant at = T0.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);   // as the domain keeps its instants
            Instant due = at.plus(Duration.ofDays(2));
            DeadlineEntry set = new DeadlineEntry("court-reply", Optional.of(due), at, MARIA, Optional.empty());
            DeadlineEntry closedPolicy = new DeadlineEntry("takedown", Optional.empty(), at, MARIA, Optional.of(new DeadlineEntry.Closed(
                    DeadlineEntry.Outcome.DROPPED, at.plusSeconds(60), MARIA, Optional.of("The video was never public " + "é😀".repeat(1400)))));
            store.change(opened.id(), f -> new Decision.Applied(f.withDeadline(set).withDeadline(closedPolicy),
                    List.of(new CaseEvent(f.id(), T0, MARIA, new EventData.DeadlineSet("court-reply", due, Optional.empty()))), List.of()));
            DeadlineEntry done = set.closing(new DeadlineEntry.Closed(DeadlineEntry.Outcome.DONE, at.plusSeconds(120), MARIA, Optional.empty()));
            store.change(opened.id(), f -> new Decision.Applied(f.withDeadline(done),
                    List.of(new CaseEvent(f.id(), T0, MARIA, new EventData.DeadlineDone("court-reply", due, true))), List.of()));

            assertThat(store.file(opened.id()).orElseThrow().deadlines()).containsExactlyInAnyOrder(done, closedPolicy);
            assertThat(store.openFiles()).singleElement().extracting(CaseFile::deadlines).asList().containsExactlyInAnyOrder(done, closedPolicy);
            assertThat(store.timeline(opened.id())).extracting(CaseEvent::data).contains(
                    new EventData.DeadlineSet("court-reply", due, Optional.empty()), new EventData.DeadlineDone("court-reply", due, true));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void decisions_their_sign_offs_and_an_override_are_read_back_by_the_case_file_and_with_the_open_files(DatabaseKind kind) {
        try (Database db = kind.open()) {
            JdbiCaseStore store = new JdbiCaseStore(db.jdbi());
            Case opened = store.open(draft("Fake CEO audio", Severity.SEV1, Duration.ZERO), c -> Opening.of(List.of()));
            UserId priya = new UserId("U0ESCPRIYA");
            UserId omar = new UserId("U0ESCOMAR");
            String longText = "é😀, instead".repeat(270);
            Instant t0 = T0.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);   // as the handlers give times
            CaseDecision first = CaseDecision.taken(1, "Take it down", "Host confirmed, it is synthetic", List.of("geo-block, only", longText),
                    MARIA, t0, List.of("legal", "policy"));
            CaseDecision second = CaseDecision.taken(2, "Say nothing yet", "Facts unclear", List.of(), MARIA, t0.plusSeconds(60), List.of());
            store.change(opened.id(), f -> new Decision.Applied(f.withDecision(first).withDecision(second),
                    List.of(new CaseEvent(f.id(), T0, MARIA, new EventData.DecisionTaken(1, "Take it down", "Host confirmed", List.of(), List.of()))),
                    List.of()));
            Instant later = t0.plusSeconds(120);
            CaseDecision signed = first.signed(List.of(new SignOff("legal", priya, SignOff.Verdict.APPROVED, Optional.empty(), later)));
            store.change(opened.id(), f -> new Decision.Applied(f.withDecision(signed),
                    List.of(new CaseEvent(f.id(), later, priya, new EventData.DecisionSigned(1, "Take it down", List.of("legal"),
                            SignOff.Verdict.APPROVED, Optional.empty(), CaseDecision.Status.PENDING))), List.of()));
            CaseDecision overridden = signed.signed(List.of(new SignOff("policy", omar, SignOff.Verdict.OBJECTED, Optional.of(longText), later)))
                    .overruledBecause("Press deadline", later.plusSeconds(60));
            store.change(opened.id(), f -> new Decision.Applied(f.withDecision(overridden),
                    List.of(new CaseEvent(f.id(), later, MARIA, new EventData.DecisionOverridden(1, "Take it down", "Press deadline"))), List.of()));

            List<CaseDecision> expected = List.of(overridden, second);
            assertThat(store.file(opened.id()).orElseThrow().decisions()).isEqualTo(expected);
            assertThat(store.openFiles()).singleElement().extracting(CaseFile::decisions).isEqualTo(expected);
            assertThat(expected.get(0).status()).isEqualTo(CaseDecision.Status.OVERRIDDEN);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void two_cases_change_together_or_not_at_all_and_their_links_are_read_back(DatabaseKind kind) {
        try (Database db = kind.open()) {
            JdbiCaseStore store = new JdbiCaseStore(db.jdbi());
            Case first = store.open(draft("Deepfake of the minister", Severity.SEV2, Duration.ZERO), c -> Opening.of(List.of()));
            Case second = store.open(draft("Same video elsewhere", Severity.SEV3, Duration.ZERO), c -> Opening.of(List.of()));
            // Asked with the higher number first: both are locked in number order and handed back as asked.
            store.changeBoth(second.id(), first.id(), (b, a) -> {
                assertThat(b.id()).isEqualTo(second.id());
                return new JointDecision.Applied(
                        new Decision.Applied(b.withLink(a.id(), true), List.of(new CaseEvent(b.id(), T0, MARIA, new EventData.CaseLinked(a.id()))), List.of()),
                        new Decision.Applied(a.withLink(b.id(), true), List.of(new CaseEvent(a.id(), T0, MARIA, new EventData.CaseLinked(b.id()))), List.of()));
            });
            assertThat(store.file(first.id()).orElseThrow().links()).containsExactly(second.id());
            assertThat(store.openFiles()).extracting(CaseFile::links).containsExactlyInAnyOrder(Set.of(first.id()), Set.of(second.id()));
            assertThat(store.timeline(second.id())).extracting(CaseEvent::data).contains(new EventData.CaseLinked(first.id()));

            // The second write fails (no such case to link its event to): the first is not kept either.
            CaseId missing = new CaseId(99);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.changeBoth(first.id(), second.id(), (a, b) -> new JointDecision.Applied(
                    new Decision.Applied(a.withLink(b.id(), false), List.of(new CaseEvent(a.id(), T0, MARIA, new EventData.CaseUnlinked(b.id()))), List.of()),
                    new Decision.Applied(b.withLink(missing, true), List.of(new CaseEvent(b.id(), T0, MARIA, new EventData.CaseLinked(missing))), List.of()))));
            assertThat(store.file(first.id()).orElseThrow().links()).containsExactly(second.id());
            assertThat(store.timeline(first.id())).extracting(CaseEvent::data).doesNotContain(new EventData.CaseUnlinked(second.id()));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void triage_keeps_every_value_it_proposed_at_its_longest(DatabaseKind kind) {
        try (Database db = kind.open()) {
            JdbiCaseStore store = new JdbiCaseStore(db.jdbi());
            Case opened = store.open(draft("Assistant invents a refund policy", Severity.SEV2, Duration.ZERO), c -> Opening.of(List.of()));
            String longest = "é😀\"<&".repeat(600);   // 3,000 characters, each escaped in JSON or twice as long in UTF-16
            java.util.Map<String, app.escalate.commands.TriageState.Proposed> values = new java.util.HashMap<>();
            for (String id : List.of("prompt_excerpt", "output_excerpt", "reproduction", "model", "reach", "surfaces")) {
                values.put(id, new app.escalate.commands.TriageState.Proposed(longest, app.escalate.commands.TriageState.Outcome.HELD));
            }
            app.escalate.commands.TriageState state = new app.escalate.commands.TriageState(app.escalate.commands.TriageState.Status.HELD,
                    Optional.of("llm-hallucination"), Severity.SEV2, Optional.empty(), Optional.empty(), Severity.SEV2, Optional.empty(), values);
            store.change(opened.id(), f -> new Decision.Applied(f.withTriage(Optional.of(state)), List.of(new CaseEvent(f.id(), T0, MARIA,
                    new EventData.NoteAdded("triaged"))), List.of()));

            assertThat(store.file(opened.id()).orElseThrow().triage()).contains(state);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_created_channel_is_found_again_and_the_card_remembered(DatabaseKind kind) {
        try (Database db = kind.open()) {
            JdbiCaseStore store = new JdbiCaseStore(db.jdbi());
            Outbox outbox = new Outbox(db.jdbi());
            Case opened = store.open(draft("Fake CEO audio", Severity.SEV1, Duration.ZERO),
                    c -> Opening.of(List.of(new SlackEffect.CreateChannel(c.id(), "esc-1", false), new SlackEffect.PostCaseCard(c.id()))));
            CaseChannel channel = new CaseChannel(new ChannelId("C0CASE1"), "esc-1-fake-ceo-audio");

            OutboxEntry create = outbox.lease(Outbox.Lane.SLACK, T0, 10, Duration.ofMinutes(1)).get(0);
            outbox.delivered(create, new DeliveryOutcome.ChannelCreated(opened.id(), channel), FollowUp.NONE, T0);
            OutboxEntry post = outbox.lease(Outbox.Lane.SLACK, T0, 10, Duration.ofMinutes(1)).get(0);
            outbox.delivered(post, new DeliveryOutcome.CardPosted(opened.id(), "1700000000.000100"), FollowUp.NONE, T0);

            assertThat(store.findByChannel(channel.id())).get().extracting(Case::channel).isEqualTo(Optional.of(channel));
            assertThat(store.findByChannel(new ChannelId("C0OTHER"))).isEmpty();
            assertThat(store.cardTs(opened.id())).contains("1700000000.000100");
            assertThat(outbox.backlog()).isZero();
        }
    }
}
