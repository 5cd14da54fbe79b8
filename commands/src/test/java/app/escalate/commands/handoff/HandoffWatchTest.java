package app.escalate.commands.handoff;

import app.escalate.commands.CaseId;
import app.escalate.commands.ChannelId;
import app.escalate.commands.RecordedJumps;
import app.escalate.commands.EscCommand;
import app.escalate.commands.HandClock;
import app.escalate.commands.Handoff;
import app.escalate.commands.HandoffDigest;
import app.escalate.commands.InMemoryCaseStore;
import app.escalate.commands.InMemoryDraftStore;
import app.escalate.commands.InMemoryHandoffStore;
import app.escalate.commands.InMemoryOverrideStore;
import app.escalate.commands.Invocation;
import app.escalate.commands.Reply;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import app.escalate.commands.handlers.EscCommands;
import app.escalate.commands.oncall.OnCall;
import app.escalate.config.Policy;
import app.escalate.config.PolicyLoader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Handoffs on the example policy (APAC Tokyo, EMEA London, AMER Los Angeles; weekend from Friday
 * 17:00 in Los Angeles), with the clock moved by hand. Los Angeles leaves daylight time on
 * Sunday 1 November 2026, and 3 November is a Japanese holiday.
 */
class HandoffWatchTest {
    private static final UserId MARIA = new UserId("U0ESCMARIA");
    private static final UserId KENJI = new UserId("U0ESCKENJI");
    private static final UserId AMARA = new UserId("U0ESCAMARA");
    private static final UserId LUCAS = new UserId("U0ESCLUCAS");
    private static final UserId HELEN = new UserId("U0ESCHELEN");

    private final HandClock clock = new HandClock(Instant.parse("2026-10-29T00:00:00Z"));
    private final Policy policy = PolicyLoader.builtIn();
    private final InMemoryCaseStore cases = new InMemoryCaseStore();
    private final InMemoryHandoffStore handoffs = new InMemoryHandoffStore();
    private final InMemoryOverrideStore overrides = new InMemoryOverrideStore();
    private final OnCall onCall = new OnCall(policy, overrides);
    private final HandoffWatch watch = new HandoffWatch(handoffs, new HandoffDigests(cases, handoffs, policy), policy, onCall, clock);
    private final EscCommands commands = new EscCommands(cases, overrides, handoffs, new InMemoryDraftStore(), policy, clock);

    private record Seen(String due, UserId from, UserId to, boolean weekend) {
    }

    @Test
    void a_week_of_follow_the_sun_and_weekend_handoffs_is_posted_at_the_right_instants_across_the_dst_change() {
        watch.sweep();
        runUntil(Instant.parse("2026-11-05T00:00:00Z"), Duration.ofMinutes(5), true);

        List<Handoff> all = handoffs.handoffs.values().stream().sorted(Comparator.comparing(Handoff::dueAt)).toList();
        assertThat(all).allSatisfy(h -> {
            assertThat(h.postedAt()).isEqualTo(h.dueAt());
            assertThat(h.late()).isFalse();
        });
        assertThat(all).extracting(h -> new Seen(h.dueAt().toString(), h.outgoing().orElseThrow(), h.incoming(), h.weekend()))
                .containsExactly(
                        new Seen("2026-10-29T08:00:00Z", KENJI, AMARA, false),   // London 08:00
                        new Seen("2026-10-29T15:00:00Z", AMARA, MARIA, false),   // Los Angeles 08:00, daylight time
                        new Seen("2026-10-29T23:00:00Z", MARIA, KENJI, false),   // Tokyo 08:00
                        new Seen("2026-10-30T08:00:00Z", KENJI, AMARA, false),
                        new Seen("2026-10-30T15:00:00Z", AMARA, MARIA, false),
                        new Seen("2026-10-31T00:00:00Z", MARIA, LUCAS, true),    // Friday 17:00 in Los Angeles: the weekend
                        // Monday 08:00 in Los Angeles (16:00 UTC now) Lucas carries on into his AMER week: no handover.
                        new Seen("2026-11-02T23:00:00Z", LUCAS, MARIA, false),   // Tokyo's holiday: that week's weekend person
                        new Seen("2026-11-03T08:00:00Z", MARIA, AMARA, false),
                        new Seen("2026-11-03T16:00:00Z", AMARA, LUCAS, false),   // Los Angeles 08:00, standard time
                        new Seen("2026-11-03T23:00:00Z", LUCAS, KENJI, false),
                        new Seen("2026-11-04T08:00:00Z", KENJI, AMARA, false),
                        new Seen("2026-11-04T16:00:00Z", AMARA, LUCAS, false),
                        new Seen("2026-11-04T23:00:00Z", LUCAS, KENJI, false));
        assertThat(handoffs.effects).contains(new SlackEffect.PostHandoff(6, "escalations", false),
                new SlackEffect.PostHandoff(6, LUCAS.value(), true));
    }

    @Test
    void the_weekend_digest_names_the_weekend_secondary_and_the_managers() {
        watch.sweep();
        runUntil(Instant.parse("2026-10-31T00:00:00Z"), Duration.ofMinutes(5), false);

        Handoff weekend = handoffs.pending().get(0);
        HandoffDigest.Header header = handoffs.digest(weekend.id(), false).orElseThrow().header();
        assertThat(header.weekend()).isTrue();
        assertThat(header.weekendSecondary()).contains(AMARA);
        assertThat(header.managers()).containsExactly(HELEN);
        assertThat(header.shiftFrom()).isEqualTo(Instant.parse("2026-10-30T15:00:00Z"));
    }

    @Test
    void the_first_sweep_of_a_new_install_owes_nobody_a_digest() {
        clock.set(Instant.parse("2026-10-29T09:00:00Z"));   // an hour after London took over
        watch.sweep();
        clock.advance(Duration.ofMinutes(1));
        watch.sweep();

        assertThat(handoffs.handoffs).isEmpty();
        assertThat(handoffs.checkedUntil("escalations")).contains(Instant.parse("2026-10-29T09:01:00Z"));
    }

    @Test
    void after_downtime_only_the_newest_missed_handoff_is_posted_marked_late_and_the_others_are_kept_as_missed() {
        watch.sweep();                                                // 29 Oct 00:00
        clock.set(Instant.parse("2026-10-29T16:10:00Z"));             // down through London 08:00 and Los Angeles 08:00
        watch.sweep();
        clock.advance(Duration.ofSeconds(15));
        watch.sweep();                                                // the next sweep posts nothing more

        List<Handoff> all = handoffs.handoffs.values().stream().sorted(Comparator.comparing(Handoff::dueAt)).toList();
        assertThat(all).extracting(Handoff::dueAt, Handoff::status, Handoff::late).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-10-29T08:00:00Z"), Handoff.Status.MISSED, true),
                org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-10-29T15:00:00Z"), Handoff.Status.PENDING, true));
        assertThat(handoffs.effects).filteredOn(e -> e instanceof SlackEffect.PostHandoff).hasSize(2);
        assertThat(handoffs.digest(all.get(1).id(), false).orElseThrow().header().late()).isTrue();
        Reply history = commands.handle("handoff history", new Invocation(KENJI, new ChannelId("C0TEAM"), Optional.empty(), ZoneOffset.UTC));
        assertThat(((Reply.HandoffHistory) history).handoffs()).extracting(Handoff::status)
                .containsExactly(Handoff.Status.PENDING, Handoff.Status.MISSED);
    }

    @Test
    void a_jump_of_the_clock_over_handovers_is_not_downtime_the_newest_is_posted_on_time_and_none_is_late() {
        RecordedJumps jumps = new RecordedJumps();
        HandoffWatch jumpAware = new HandoffWatch(handoffs, new HandoffDigests(cases, handoffs, policy), policy, onCall, clock, jumps);
        jumpAware.sweep();                                            // 29 Oct 00:00
        jumps.jumped(clock.instant(), Instant.parse("2026-10-29T16:10:00Z"));
        clock.set(Instant.parse("2026-10-29T16:10:00Z"));             // moved on over London 08:00 and Los Angeles 08:00
        jumpAware.sweep();

        List<Handoff> all = handoffs.handoffs.values().stream().sorted(Comparator.comparing(Handoff::dueAt)).toList();
        assertThat(all).extracting(Handoff::dueAt, Handoff::status, Handoff::late).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-10-29T08:00:00Z"), Handoff.Status.MISSED, false),
                org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-10-29T15:00:00Z"), Handoff.Status.PENDING, false));
        assertThat(handoffs.digest(all.get(1).id(), false).orElseThrow().header().late()).isFalse();

        // Time that really passes after the jump still makes a handover late.
        clock.set(Instant.parse("2026-10-29T23:05:00Z"));             // Tokyo 08:00 came five minutes ago, lived through
        jumpAware.sweep();
        assertThat(handoffs.pending()).filteredOn(h -> h.dueAt().equals(Instant.parse("2026-10-29T23:00:00Z"))).singleElement()
                .extracting(Handoff::late).isEqualTo(true);
    }

    @Test
    void only_the_incoming_on_call_can_accept_and_only_once() {
        watch.sweep();
        runUntil(Instant.parse("2026-10-29T08:00:00Z"), Duration.ofMinutes(5), false);
        Handoff h = handoffs.pending().get(0);
        assertThat(h.incoming()).isEqualTo(AMARA);

        assertThat(commands.handoffs().accept(h.id(), KENJI, "https://hooks.slack.com/r/1")).get()
                .isEqualTo(new HandoffDecision.Rejected("Only the incoming on-call named in this handoff can accept it."));
        assertThat(handoffs.find(h.id()).orElseThrow().isPending()).isTrue();

        clock.advance(Duration.ofMinutes(3));
        assertThat(commands.handoffs().accept(h.id(), AMARA, "https://hooks.slack.com/r/2")).get()
                .isInstanceOf(HandoffDecision.Applied.class);
        Handoff accepted = handoffs.find(h.id()).orElseThrow();
        assertThat(accepted.status()).isEqualTo(Handoff.Status.ACCEPTED);
        assertThat(accepted.acceptedAt()).contains(Instant.parse("2026-10-29T08:03:00Z"));
        assertThat(handoffs.events(h.id())).extracting(HandoffEvent::kind)
                .containsExactly(HandoffEvent.Kind.POSTED, HandoffEvent.Kind.ACCEPTED);
        assertThat(handoffs.effects).contains(new SlackEffect.HandoffNotice(h.id(), SlackEffect.HandoffNotice.Notice.ACCEPTED, "escalations"));
        assertThat(commands.handoffs().accept(h.id(), AMARA, "https://hooks.slack.com/r/3")).get()
                .isEqualTo(new HandoffDecision.Rejected("You already accepted this handoff."));
    }

    @Test
    void an_unaccepted_handoff_is_reminded_then_escalated_to_the_secondary_and_managers_then_superseded() {
        watch.sweep();
        runUntil(Instant.parse("2026-10-29T08:00:00Z"), Duration.ofMinutes(1), false);
        long id = handoffs.pending().get(0).id();

        runUntil(Instant.parse("2026-10-29T08:14:00Z"), Duration.ofMinutes(1), false);
        assertThat(handoffs.events(id)).extracting(HandoffEvent::kind).containsExactly(HandoffEvent.Kind.POSTED);
        runUntil(Instant.parse("2026-10-29T08:15:00Z"), Duration.ofMinutes(1), false);
        assertThat(handoffs.effects).contains(new SlackEffect.HandoffNotice(id, SlackEffect.HandoffNotice.Notice.REMINDER, AMARA.value()));

        runUntil(Instant.parse("2026-10-29T08:45:00Z"), Duration.ofMinutes(1), false);
        // This week's secondary is Amara herself, so Kenji, next in turn, stands in; the managers are Helen.
        assertThat(handoffs.effects).contains(
                new SlackEffect.HandoffNotice(id, SlackEffect.HandoffNotice.Notice.ESCALATION, KENJI.value()),
                new SlackEffect.HandoffNotice(id, SlackEffect.HandoffNotice.Notice.ESCALATION, HELEN.value()),
                new SlackEffect.HandoffNotice(id, SlackEffect.HandoffNotice.Notice.ESCALATION, "escalations"));
        runUntil(Instant.parse("2026-10-29T14:00:00Z"), Duration.ofMinutes(5), false);
        assertThat(handoffs.events(id)).extracting(HandoffEvent::kind)
                .containsExactly(HandoffEvent.Kind.POSTED, HandoffEvent.Kind.REMINDED, HandoffEvent.Kind.ESCALATED);

        runUntil(Instant.parse("2026-10-29T15:00:00Z"), Duration.ofMinutes(5), false);
        assertThat(handoffs.find(id).orElseThrow().status()).isEqualTo(Handoff.Status.SUPERSEDED);
        assertThat(handoffs.pending()).extracting(Handoff::incoming).containsExactly(MARIA);
    }

    @Test
    void an_override_set_to_start_minutes_ago_still_gets_its_handoff_and_the_one_it_replaces_stops_nagging() {
        watch.sweep();
        runUntil(Instant.parse("2026-10-29T08:10:15Z"), Duration.ofSeconds(15), false);   // Amara's handoff is pending
        long amaras = handoffs.pending().get(0).id();
        clock.advance(Duration.ofSeconds(5));
        overrides.add(new app.escalate.commands.ShiftOverride(0, "escalations", app.escalate.commands.Level.PRIMARY, LUCAS,
                Instant.parse("2026-10-29T08:10:00Z"), Instant.parse("2026-10-29T12:00:00Z"), LUCAS, clock.instant()));

        runUntil(Instant.parse("2026-10-29T10:00:00Z"), Duration.ofMinutes(1), false);

        assertThat(handoffs.find(amaras).orElseThrow().status()).isEqualTo(Handoff.Status.SUPERSEDED);
        assertThat(handoffs.events(amaras)).extracting(HandoffEvent::kind)
                .containsExactly(HandoffEvent.Kind.POSTED, HandoffEvent.Kind.SUPERSEDED);
        Handoff lucas = handoffs.pending().get(0);
        assertThat(lucas.incoming()).isEqualTo(LUCAS);
        assertThat(lucas.outgoing()).contains(AMARA);
        assertThat(lucas.dueAt()).isEqualTo(Instant.parse("2026-10-29T08:10:00Z"));
        assertThat(lucas.late()).isFalse();
        assertThat(commands.handoffs().accept(lucas.id(), LUCAS, "https://hooks.slack.com/r")).get()
                .isInstanceOf(HandoffDecision.Applied.class);
    }

    @Test
    void a_pending_handoff_of_a_rotation_no_longer_in_the_policy_is_closed_not_chased() {
        handoffs.record("retired", Optional.empty(), clock.instant(), List.of());
        handoffs.record("retired", Optional.of(clock.instant()), clock.instant(), List.of(new NewHandoff("retired", clock.instant(),
                Optional.of(KENJI), AMARA, false, false, Handoff.Status.PENDING, Optional.empty(), Optional.empty(), id -> List.of())));

        clock.advance(Duration.ofHours(1));
        watch.sweep();

        assertThat(handoffs.pending()).isEmpty();
        assertThat(handoffs.effects).noneMatch(e -> e instanceof SlackEffect.HandoffNotice);
    }

    @Test
    void oncall_shows_the_pending_handoff() {
        watch.sweep();
        runUntil(Instant.parse("2026-10-29T08:05:00Z"), Duration.ofMinutes(5), false);

        Reply reply = commands.handle("oncall", new Invocation(KENJI, new ChannelId("C0TEAM"), Optional.empty(), ZoneOffset.UTC));

        assertThat(((Reply.OnCallNow) reply).rotations().get(0).pendingHandoffs()).extracting(Handoff::incoming).containsExactly(AMARA);
    }

    @Test
    void a_handoff_note_from_the_outgoing_shift_appears_in_the_next_digest_only() {
        clock.set(Instant.parse("2026-10-29T10:00:00Z"));   // Amara's London shift
        watch.sweep();
        Reply noted = commands.handle(new EscCommand.HandoffNote("ESC-4 waits on the host's reply, due 18:00"),
                new Invocation(AMARA, new ChannelId("C0TEAM"), Optional.empty(), ZoneOffset.UTC));
        assertThat(noted).isEqualTo(new Reply.HandoffNoted(Optional.of("Escalations on-call"), Optional.of(MARIA),
                Optional.of(Instant.parse("2026-10-29T15:00:00Z"))));

        runUntil(Instant.parse("2026-10-29T23:00:00Z"), Duration.ofMinutes(5), true);

        List<Handoff> all = handoffs.handoffs.values().stream().sorted(Comparator.comparing(Handoff::dueAt)).toList();
        assertThat(handoffs.digest(all.get(0).id(), false).orElseThrow().notes()).extracting(HandoffDigest.NoteLine::text)
                .containsExactly("ESC-4 waits on the host's reply, due 18:00");
        assertThat(handoffs.digest(all.get(1).id(), false).orElseThrow().notes()).isEmpty();
    }

    /** Sweeps every {@code step} until {@code end}; with {@code accept}, the incoming person accepts each digest at once. */
    private void runUntil(Instant end, Duration step, boolean accept) {
        while (clock.instant().isBefore(end)) {
            clock.advance(step);
            watch.sweep();
            if (accept) handoffs.pending().forEach(h -> commands.handoffs().accept(h.id(), h.incoming(), "https://hooks.slack.com/r"));
        }
    }

    @SuppressWarnings("unused")
    private static CaseId id(long n) {
        return new CaseId(n);
    }
}
