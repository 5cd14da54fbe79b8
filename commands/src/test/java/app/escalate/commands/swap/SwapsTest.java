package app.escalate.commands.swap;

import app.escalate.commands.ChannelId;
import app.escalate.commands.CommandParser;
import app.escalate.commands.EscCommand;
import app.escalate.commands.HandClock;
import app.escalate.commands.InMemoryOverrideStore;
import app.escalate.commands.Invocation;
import app.escalate.commands.Level;
import app.escalate.commands.Reply;
import app.escalate.commands.ShiftOverride;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.SlackEffect.SwapNotice.Notice;
import app.escalate.commands.UserId;
import app.escalate.commands.oncall.OnCall;
import app.escalate.config.Policy;
import app.escalate.config.PolicyLoader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /esc swap}: reading it, who may ask, who may cover, and what the sweep does. The example
 * policy at Tuesday 24 November 2026, 12:00 UTC: Amara holds primary on weekdays 08:00–17:00 London,
 * Kenji stands in as secondary this week, Maria and Lucas take the Americas' primary, Helen manages.
 */
class SwapsTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final UserId AMARA = new UserId("U0ESCAMARA");
    private static final UserId KENJI = new UserId("U0ESCKENJI");
    private static final UserId MARIA = new UserId("U0ESCMARIA");
    private static final UserId HELEN = new UserId("U0ESCHELEN");
    private static final Optional<String> TEAM = Optional.of("C0TEAM");
    private static final Optional<String> TS = Optional.of("1764000000.000100");

    private final Policy policy = PolicyLoader.builtIn();
    private final HandClock clock = new HandClock(NOW);
    private final InMemoryOverrideStore overrides = new InMemoryOverrideStore();
    private final InMemorySwaps store = new InMemorySwaps();
    private final Swaps swaps = new Swaps(policy, new OnCall(policy, overrides), store, clock);

    private static Invocation by(UserId user) {
        return new Invocation(user, new ChannelId("C0TEAM"), Optional.of("https://hooks.slack.com/r"), ZoneOffset.UTC);
    }

    private static EscCommand.Swap wednesdayMorning(Optional<UserId> with) {
        return new EscCommand.Swap(LocalDateTime.parse("2026-11-25T09:00"), LocalDateTime.parse("2026-11-25T12:00"), Optional.empty(), with);
    }

    /** Amara's request, as posted to the team channel. */
    private SwapRequest amaraAsks(Optional<UserId> with) {
        assertThat(swaps.ask(wednesdayMorning(with), by(AMARA))).isInstanceOf(Reply.SwapAsked.class);
        store.posted(1, "C0TEAM", TS.get());
        return store.find(1).orElseThrow();
    }

    @Test
    void reads_the_span_the_level_and_the_person_as_override_does() {
        assertThat(CommandParser.parse("swap 2026-11-25 09:00 2026-11-25T12:00 secondary with <@U0ESCKENJI|kenji>"))
                .isEqualTo(new EscCommand.Swap(LocalDateTime.parse("2026-11-25T09:00"), LocalDateTime.parse("2026-11-25T12:00"),
                        Optional.of(Level.SECONDARY), Optional.of(KENJI)));
        assertThat(CommandParser.parse("SWAP 2026-11-25 09:00 2026-11-25 12:00")).isEqualTo(wednesdayMorning(Optional.empty()));
    }

    @Test
    void a_swap_without_its_times_or_with_a_name_instead_of_a_mention_gets_the_usage() {
        for (String text : List.of("swap", "swap tomorrow", "swap 2026-11-25 09:00", "swap 2026-11-25 09:00 2026-11-25 12:00 with kenji",
                "swap 2026-11-25 09:00 2026-11-25 12:00 tertiary")) {
            assertThat(CommandParser.parse(text)).as(text).isEqualTo(new EscCommand.Invalid(CommandParser.SWAP_USAGE));
        }
        assertThat(CommandParser.parse("swap 2026-02-30 09:00 2026-03-01 09:00")).isInstanceOf(EscCommand.Invalid.class);
        assertThat(CommandParser.subCommand("swap 2026-11-25 09:00 2026-11-25 12:00")).isEqualTo("swap");
    }

    @Test
    void the_holder_of_the_shift_asks_the_rotation_s_channel_and_the_same_request_twice_is_one() {
        Reply reply = swaps.ask(wednesdayMorning(Optional.empty()), by(AMARA));
        Reply again = swaps.ask(wednesdayMorning(Optional.empty()), by(AMARA));

        assertThat(reply).isEqualTo(new Reply.SwapAsked(1, "Escalations on-call", Level.PRIMARY, Instant.parse("2026-11-25T09:00:00Z"),
                Instant.parse("2026-11-25T12:00:00Z"), Optional.empty(), "escalations"));
        assertThat(again).isEqualTo(reply);
        assertThat(store.effects).containsExactly(new SlackEffect.SwapNotice(1, Notice.REQUEST, "escalations"));
        assertThat(store.find(1).orElseThrow().remindAt()).isEqualTo(Instant.parse("2026-11-24T21:00:00Z"));
    }

    @Test
    void someone_without_that_shift_is_told_what_they_hold_instead() {
        Reply kenji = swaps.ask(wednesdayMorning(Optional.empty()), by(KENJI));
        Reply maria = swaps.ask(wednesdayMorning(Optional.empty()), by(MARIA));

        assertThat(((Reply.Refusal) kenji).reason()).isEqualTo("You hold no primary shift from 2026-11-25 09:00 to 2026-11-25 12:00 (Z),"
                + " so there is none of yours to swap; then you hold secondary in Escalations on-call.");
        assertThat(((Reply.Refusal) maria).reason()).endsWith("you are on no rotation's call then.");
        assertThat(store.effects).isEmpty();
    }

    @Test
    void a_span_the_asker_holds_only_part_of_is_refused_so_no_one_else_s_hours_are_handed_over() {
        // Amara holds EMEA's primary 08:00-17:00 London on weekdays: Wednesday 09:00 to Thursday 09:00 is mostly others' hours.
        Reply asked = swaps.ask(new EscCommand.Swap(LocalDateTime.parse("2026-11-25T09:00"), LocalDateTime.parse("2026-11-26T09:00"),
                Optional.empty(), Optional.empty()), by(AMARA));

        assertThat(((Reply.Refusal) asked).reason()).startsWith("You hold primary in Escalations on-call for only part of that span;");
        assertThat(store.effects).isEmpty();
        assertThat(swaps.ask(wednesdayMorning(Optional.empty()), by(AMARA))).isInstanceOf(Reply.SwapAsked.class);
    }

    @Test
    void asking_one_person_needs_someone_who_takes_that_level_s_turns() {
        Reply helen = swaps.ask(wednesdayMorning(Optional.of(HELEN)), by(AMARA));
        Reply herself = swaps.ask(wednesdayMorning(Optional.of(AMARA)), by(AMARA));
        Reply maria = swaps.ask(wednesdayMorning(Optional.of(MARIA)), by(AMARA));

        assertThat(((Reply.Refusal) helen).reason()).startsWith("That person takes no primary turns in Escalations on-call");
        assertThat(herself).isInstanceOf(Reply.Refusal.class);
        assertThat(maria).isInstanceOf(Reply.SwapAsked.class);
        assertThat(store.effects).containsExactly(new SlackEffect.SwapNotice(1, Notice.REQUEST, "U0ESCMARIA"));
    }

    @Test
    void a_span_in_the_past_or_backwards_is_refused_as_an_override_would_be() {
        Reply past = swaps.ask(new EscCommand.Swap(LocalDateTime.parse("2026-11-24T09:00"), LocalDateTime.parse("2026-11-24T13:00"),
                Optional.empty(), Optional.empty()), by(AMARA));
        Reply backwards = swaps.ask(new EscCommand.Swap(LocalDateTime.parse("2026-11-25T12:00"), LocalDateTime.parse("2026-11-25T09:00"),
                Optional.empty(), Optional.empty()), by(AMARA));

        assertThat(((Reply.Refusal) past).reason()).startsWith("A swap cannot start in the past");
        assertThat(((Reply.Refusal) backwards).reason()).isEqualTo("The swap must end after it starts.");
    }

    @Test
    void the_first_eligible_press_becomes_the_override_and_every_later_press_changes_nothing() {
        amaraAsks(Optional.empty());

        Optional<SwapDecision> kenji = swaps.cover(1, KENJI, TEAM, TS);
        Optional<SwapDecision> maria = swaps.cover(1, MARIA, TEAM, TS);
        Optional<SwapDecision> kenjiAgain = swaps.cover(1, KENJI, TEAM, TS);

        assertThat(kenji.orElseThrow()).isInstanceOf(SwapDecision.Applied.class);
        assertThat(overrides.active(NOW)).containsExactly(new ShiftOverride(1, "escalations", Level.PRIMARY, KENJI,
                Instant.parse("2026-11-25T09:00:00Z"), Instant.parse("2026-11-25T12:00:00Z"), KENJI, NOW));
        assertThat(new OnCall(policy, overrides).schedule("escalations", NOW).orElseThrow()
                .holder(Level.PRIMARY, Instant.parse("2026-11-25T10:00:00Z"))).contains(KENJI);
        assertThat(store.find(1).orElseThrow().state()).isEqualTo(SwapRequest.State.COVERED);
        assertThat(store.effects).contains(new SlackEffect.SwapNotice(1, Notice.UPDATE, "escalations"),
                new SlackEffect.SwapNotice(1, Notice.COVERED, AMARA.value()), new SlackEffect.SwapNotice(1, Notice.COVERER, KENJI.value()));
        assertThat(((SwapDecision.Rejected) maria.orElseThrow()).reason()).isEqualTo("Too late: <@U0ESCKENJI> already covers this shift.");
        assertThat(((SwapDecision.Rejected) kenjiAgain.orElseThrow()).reason()).isEqualTo("You already cover this shift.");
        assertThat(overrides.active(NOW)).hasSize(1);
    }

    @Test
    void the_requester_an_outsider_a_forged_message_and_a_late_press_are_refused() {
        amaraAsks(Optional.empty());
        int effects = store.effects.size();

        assertThat(refusal(swaps.cover(1, AMARA, TEAM, TS))).startsWith("You asked for this cover");
        assertThat(refusal(swaps.cover(1, HELEN, TEAM, TS))).isEqualTo("Only people who take primary turns in Escalations on-call can cover it.");
        // The value names request 1, but the button pressed is on another message (another request's, or a copy).
        assertThat(refusal(swaps.cover(1, KENJI, TEAM, Optional.of("1764000000.000999")))).startsWith("That button is not on this swap request");
        assertThat(refusal(swaps.cover(1, KENJI, Optional.of("C0OTHER"), TS))).startsWith("That button is not on this swap request");
        assertThat(swaps.cover(99, KENJI, TEAM, TS)).isEmpty();
        clock.set(Instant.parse("2026-11-25T09:00:00Z"));
        assertThat(refusal(swaps.cover(1, KENJI, TEAM, TS))).isEqualTo("This swap request has expired: the shift has begun.");

        assertThat(overrides.active(NOW)).isEmpty();
        assertThat(store.effects).hasSize(effects);
    }

    @Test
    void a_request_to_one_person_is_theirs_alone() {
        amaraAsks(Optional.of(MARIA));

        assertThat(refusal(swaps.cover(1, KENJI, TEAM, TS))).isEqualTo("This swap request was sent to <@U0ESCMARIA> only.");
        assertThat(swaps.cover(1, MARIA, TEAM, TS).orElseThrow()).isInstanceOf(SwapDecision.Applied.class);
    }

    @Test
    void only_the_requester_cancels_an_open_request_after_which_nobody_can_cover_it() {
        amaraAsks(Optional.empty());
        store.effects.clear();

        Reply kenji = swaps.cancel(new EscCommand.CancelSwap(1), by(KENJI));
        Reply amara = swaps.cancel(new EscCommand.CancelSwap(1), by(AMARA));
        Reply again = swaps.cancel(new EscCommand.CancelSwap(1), by(AMARA));

        assertThat(((Reply.Refusal) kenji).reason()).isEqualTo("Only whoever asked can cancel swap request #1.");
        assertThat(amara).isEqualTo(new Reply.SwapCancelled(1));
        assertThat(((Reply.Refusal) again).reason()).isEqualTo("Swap request #1 is cancelled already.");
        assertThat(store.effects).containsExactly(new SlackEffect.SwapNotice(1, Notice.UPDATE, "escalations"));
        assertThat(refusal(swaps.cover(1, KENJI, TEAM, TS))).isEqualTo("This swap request has been cancelled.");
        assertThat(swaps.cancel(new EscCommand.CancelSwap(9), by(AMARA))).isEqualTo(new Reply.Refusal("There is no swap request #9."));
        assertThat(CommandParser.parse("swap cancel #1")).isEqualTo(new EscCommand.CancelSwap(1));
    }

    @Test
    void a_covered_request_is_not_cancelled_the_override_is_its_coverer_s() {
        amaraAsks(Optional.empty());
        swaps.cover(1, KENJI, TEAM, TS);

        assertThat(((Reply.Refusal) swaps.cancel(new EscCommand.CancelSwap(1), by(AMARA))).reason()).startsWith("Swap request #1 is covered already");
        assertThat(overrides.active(NOW)).hasSize(1);
    }

    @Test
    void a_request_is_reminded_at_the_sooner_of_halfway_and_twelve_hours_before_and_never_before_it_was_made() {
        Instant asked = NOW;
        assertThat(Swaps.remindAt(asked, asked.plus(Duration.ofHours(21)))).isEqualTo(asked.plus(Duration.ofHours(9)));
        assertThat(Swaps.remindAt(asked, asked.plus(Duration.ofHours(30)))).isEqualTo(asked.plus(Duration.ofHours(15)));
        assertThat(Swaps.remindAt(asked, asked.plus(Duration.ofHours(2)))).isEqualTo(asked.plus(Duration.ofHours(1)));
    }

    @Test
    void an_unanswered_request_is_reminded_once_and_expires_when_its_shift_starts() {
        amaraAsks(Optional.empty());
        store.effects.clear();

        clock.set(Instant.parse("2026-11-24T20:59:00Z"));
        assertThat(swaps.sweep()).isZero();
        clock.set(Instant.parse("2026-11-24T21:00:00Z"));
        assertThat(swaps.sweep()).isEqualTo(1);
        clock.set(Instant.parse("2026-11-25T08:59:00Z"));
        assertThat(swaps.sweep()).isZero();
        clock.set(Instant.parse("2026-11-25T09:00:00Z"));
        assertThat(swaps.sweep()).isEqualTo(1);
        assertThat(swaps.sweep()).isZero();

        assertThat(store.effects).containsExactly(new SlackEffect.SwapNotice(1, Notice.REMINDER, "escalations"),
                new SlackEffect.SwapNotice(1, Notice.UPDATE, "escalations"), new SlackEffect.SwapNotice(1, Notice.EXPIRED, AMARA.value()));
        assertThat(store.find(1).orElseThrow().state()).isEqualTo(SwapRequest.State.EXPIRED);
        assertThat(overrides.active(NOW)).isEmpty();
    }

    @Test
    void a_covered_request_is_neither_reminded_nor_expired() {
        amaraAsks(Optional.empty());
        swaps.cover(1, KENJI, TEAM, TS);
        store.effects.clear();

        clock.set(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(swaps.sweep()).isZero();
        assertThat(store.effects).isEmpty();
    }

    private static String refusal(Optional<SwapDecision> decision) {
        return ((SwapDecision.Rejected) decision.orElseThrow()).reason();
    }

    /** A list-backed {@link SwapStore}: one lock stands for the row's. */
    private final class InMemorySwaps implements SwapStore {
        final List<SwapRequest> rows = new ArrayList<>();
        final List<SlackEffect> effects = new ArrayList<>();

        @Override
        public synchronized SwapRequest open(SwapRequest d, Function<Long, List<SlackEffect>> effects) {
            Optional<SwapRequest> same = rows.stream().filter(r -> r.state() == SwapRequest.State.OPEN && r.requester().equals(d.requester())
                    && r.rotation().equals(d.rotation()) && r.level() == d.level() && r.from().equals(d.from()) && r.until().equals(d.until())).findFirst();
            if (same.isPresent()) return same.get();
            long id = rows.size() + 1;
            SwapRequest saved = new SwapRequest(id, d.rotation(), d.level(), d.requester(), d.askedOf(), d.from(), d.until(), d.state(),
                    d.coverer(), d.overrideId(), d.createdAt(), d.remindAt(), d.remindedAt(), d.closedAt(), Optional.empty());
            rows.add(saved);
            this.effects.addAll(effects.apply(id));
            return saved;
        }

        synchronized void posted(long id, String channel, String ts) {
            SwapRequest r = rows.get((int) id - 1);
            rows.set((int) id - 1, new SwapRequest(r.id(), r.rotation(), r.level(), r.requester(), r.askedOf(), r.from(), r.until(), r.state(),
                    r.coverer(), r.overrideId(), r.createdAt(), r.remindAt(), r.remindedAt(), r.closedAt(),
                    Optional.of(new SwapRequest.PostedAt(channel, ts))));
        }

        @Override
        public synchronized Optional<SwapRequest> find(long id) {
            return id >= 1 && id <= rows.size() ? Optional.of(rows.get((int) id - 1)) : Optional.empty();
        }

        @Override
        public synchronized Optional<SwapDecision> change(long id, Function<SwapRequest, SwapDecision> decide) {
            Optional<SwapRequest> found = find(id);
            if (found.isEmpty()) return Optional.empty();
            SwapDecision decision = decide.apply(found.get());
            if (decision instanceof SwapDecision.Applied applied) {
                Optional<Long> overrideId = applied.override().map(o -> overrides.add(o).id());
                SwapRequest a = applied.after();
                rows.set((int) id - 1, new SwapRequest(a.id(), a.rotation(), a.level(), a.requester(), a.askedOf(), a.from(), a.until(), a.state(),
                        a.coverer(), overrideId.or(a::overrideId), a.createdAt(), a.remindAt(), a.remindedAt(), a.closedAt(), a.message()));
                effects.addAll(applied.effects());
            }
            return Optional.of(decision);
        }

        @Override
        public synchronized List<SwapRequest> due(Instant now) {
            return rows.stream().filter(r -> r.state() == SwapRequest.State.OPEN
                    && (!now.isBefore(r.from()) || (r.remindedAt().isEmpty() && !now.isBefore(r.remindAt())))).toList();
        }
    }
}
