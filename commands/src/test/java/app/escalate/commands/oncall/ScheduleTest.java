package app.escalate.commands.oncall;

import app.escalate.commands.Level;
import app.escalate.commands.Shift;
import app.escalate.commands.ShiftOverride;
import app.escalate.commands.UserId;
import app.escalate.config.Layer;
import app.escalate.config.Rotation;
import app.escalate.config.WeekendRotation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The schedule maths, pinned with fixed instants (all in UTC below). */
class ScheduleTest {
    private static final UserId KENJI = new UserId("U0KENJI");
    private static final UserId AIKO = new UserId("U0AIKO");
    private static final UserId AMARA = new UserId("U0AMARA");
    private static final UserId MARIA = new UserId("U0MARIA");
    private static final UserId LUCAS = new UserId("U0LUCAS");
    private static final UserId WEEKEND_A = new UserId("U0WKNDA");
    private static final UserId WEEKEND_B = new UserId("U0WKNDB");

    private static Layer layer(String name, String zone, String window, List<String> days, List<String> members, String rotate,
                               String holidays) {
        return new Layer(name, zone, window, days, members, rotate, LocalDate.of(2026, 11, 2), holidays);
    }

    /** Tokyo, London and Los Angeles, 09:00-17:00 local on weekdays; the weekend from Friday 17:00 to Monday 09:00 in LA. */
    private static final Rotation FOLLOW_THE_SUN = new Rotation("escalations", "Escalations",
            List.of(layer("APAC", "Asia/Tokyo", "09:00-17:00", List.of("weekdays"), List.of("U0KENJI", "U0AIKO"), "weekly", "jp"),
                    layer("EMEA", "Europe/London", "09:00-17:00", List.of("weekdays"), List.of("U0AMARA"), "weekly", "uk"),
                    layer("AMER", "America/Los_Angeles", "09:00-17:00", List.of("weekdays"), List.of("U0MARIA", "U0LUCAS"), "daily", null)),
            List.of(),
            new WeekendRotation("America/Los_Angeles", "FRI 17:00", "MON 09:00", List.of("U0WKNDA", "U0WKNDB"), List.of(),
                    LocalDate.of(2026, 11, 6), 1),
            null);

    private static final Map<String, List<LocalDate>> HOLIDAYS = Map.of(
            "uk", List.of(LocalDate.of(2026, 12, 25)),
            "jp", List.of(LocalDate.of(2026, 11, 3)));

    private static Schedule schedule(Rotation rotation, List<ShiftOverride> overrides) {
        return new Schedule(rotation, calendar -> HOLIDAYS.getOrDefault(calendar, List.of()), overrides);
    }

    private static Optional<UserId> who(Schedule s, String instant) {
        return s.at(Level.PRIMARY, Instant.parse(instant)).map(Shift::who);
    }

    @Test
    void the_sun_moves_from_tokyo_to_london_to_los_angeles() {
        Schedule s = schedule(FOLLOW_THE_SUN, List.of());

        assertThat(who(s, "2026-11-24T03:00:00Z")).contains(AIKO);    // Tue 12:00 Tokyo, fourth week from 2 Nov
        assertThat(who(s, "2026-11-24T12:00:00Z")).contains(AMARA);   // Tue 12:00 London
        assertThat(who(s, "2026-11-24T20:00:00Z")).contains(MARIA);   // Tue 12:00 LA (daily turns, day 22)
        assertThat(who(s, "2026-11-25T20:00:00Z")).contains(LUCAS);   // Wed 12:00 LA
        assertThat(who(s, "2026-11-24T08:30:00Z")).isEmpty();         // between Tokyo's 17:00 and London's 09:00
    }

    @Test
    void shifts_have_their_true_start_and_end_and_the_next_one_is_named() {
        Schedule s = schedule(FOLLOW_THE_SUN, List.of());
        Instant t = Instant.parse("2026-11-24T12:00:00Z");

        assertThat(s.at(Level.PRIMARY, t)).contains(new Shift(Level.PRIMARY, AMARA,
                Instant.parse("2026-11-24T09:00:00Z"), Instant.parse("2026-11-24T17:00:00Z"), "EMEA"));
        // LA's window runs to 01:00, but Tokyo's Wednesday begins at 00:00 and the incoming region takes over.
        assertThat(s.next(Level.PRIMARY, t)).contains(new Shift(Level.PRIMARY, MARIA,
                Instant.parse("2026-11-24T17:00:00Z"), Instant.parse("2026-11-25T00:00:00Z"), "AMER"));
    }

    @Test
    void weekly_turns_change_on_the_start_weekday() {
        Schedule s = schedule(FOLLOW_THE_SUN, List.of());

        assertThat(who(s, "2026-11-04T03:00:00Z")).contains(KENJI);   // week of 2 Nov
        assertThat(who(s, "2026-11-10T03:00:00Z")).contains(AIKO);    // week of 9 Nov
        assertThat(who(s, "2026-11-17T03:00:00Z")).contains(KENJI);
    }

    @Test
    void the_weekend_runs_friday_evening_to_monday_morning_and_alternates() {
        Schedule s = schedule(FOLLOW_THE_SUN, List.of());

        assertThat(who(s, "2026-11-28T01:30:00Z")).contains(WEEKEND_B);  // Fri 17:30 LA, third weekend from 6 Nov
        assertThat(who(s, "2026-11-30T03:00:00Z")).contains(WEEKEND_B);  // Mon 12:00 Tokyo, still Sunday in LA
        assertThat(who(s, "2026-11-30T17:30:00Z")).contains(MARIA);      // Mon 09:30 LA: weekdays again
        assertThat(who(s, "2026-12-05T12:00:00Z")).contains(WEEKEND_A);  // next Saturday
        assertThat(s.at(Level.PRIMARY, Instant.parse("2026-11-29T12:00:00Z")).orElseThrow())
                .isEqualTo(new Shift(Level.PRIMARY, WEEKEND_B, Instant.parse("2026-11-28T01:00:00Z"),
                        Instant.parse("2026-11-30T17:00:00Z"), "weekend"));
    }

    @Test
    void a_holiday_is_covered_by_that_weeks_weekend_person() {
        Schedule s = schedule(FOLLOW_THE_SUN, List.of());

        assertThat(s.at(Level.PRIMARY, Instant.parse("2026-12-25T12:00:00Z")).orElseThrow())   // Christmas, London
                .extracting(Shift::who, Shift::source).containsExactly(WEEKEND_B, "holiday");
        assertThat(s.at(Level.PRIMARY, Instant.parse("2026-11-03T03:00:00Z")).orElseThrow())   // Culture Day, Tokyo
                .extracting(Shift::who, Shift::source).containsExactly(WEEKEND_A, "holiday");
        assertThat(who(s, "2026-12-24T12:00:00Z")).contains(AMARA);
        assertThat(who(s, "2026-12-26T12:00:00Z")).contains(WEEKEND_B);  // and the weekend after it
    }

    @Test
    void an_override_takes_over_and_the_newest_wins() {
        ShiftOverride lucas = new ShiftOverride(1, "escalations", Level.PRIMARY, LUCAS, Instant.parse("2026-11-24T10:00:00Z"),
                Instant.parse("2026-11-24T14:00:00Z"), MARIA, Instant.parse("2026-11-20T00:00:00Z"));
        ShiftOverride maria = new ShiftOverride(2, "escalations", Level.PRIMARY, MARIA, Instant.parse("2026-11-24T11:00:00Z"),
                Instant.parse("2026-11-24T12:00:00Z"), MARIA, Instant.parse("2026-11-21T00:00:00Z"));
        ShiftOverride otherRotation = new ShiftOverride(3, "elsewhere", Level.PRIMARY, KENJI, Instant.parse("2026-11-24T00:00:00Z"),
                Instant.parse("2026-11-25T00:00:00Z"), MARIA, Instant.parse("2026-11-22T00:00:00Z"));
        Schedule s = schedule(FOLLOW_THE_SUN, List.of(lucas, maria, otherRotation));

        assertThat(who(s, "2026-11-24T09:30:00Z")).contains(AMARA);
        assertThat(who(s, "2026-11-24T10:30:00Z")).contains(LUCAS);
        assertThat(who(s, "2026-11-24T11:30:00Z")).contains(MARIA);
        assertThat(who(s, "2026-11-24T13:30:00Z")).contains(LUCAS);
        assertThat(who(s, "2026-11-24T14:30:00Z")).contains(AMARA);
        assertThat(s.at(Level.PRIMARY, Instant.parse("2026-11-24T12:30:00Z")).orElseThrow().source()).isEqualTo("override");
        assertThat(s.next(Level.PRIMARY, Instant.parse("2026-11-24T09:30:00Z")).orElseThrow().from())
                .isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
    }

    @Test
    void windows_follow_local_time_across_the_los_angeles_change_on_1_november_2026() {
        Rotation la = new Rotation("la", "LA", List.of(layer("AMER", "America/Los_Angeles", "09:00-17:00", List.of("every day"),
                List.of("U0MARIA"), "weekly", null)), List.of(), null, null);
        Schedule s = schedule(la, List.of());

        assertThat(s.at(Level.PRIMARY, Instant.parse("2026-10-31T16:30:00Z"))).hasValueSatisfying(shift -> {   // PDT, UTC-7
            assertThat(shift.from()).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
            assertThat(shift.until()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        });
        assertThat(s.at(Level.PRIMARY, Instant.parse("2026-11-01T16:30:00Z"))).isEmpty();                      // PST, UTC-8
        assertThat(s.at(Level.PRIMARY, Instant.parse("2026-11-01T17:30:00Z")).orElseThrow().until())
                .isEqualTo(Instant.parse("2026-11-02T01:00:00Z"));
    }

    @Test
    void windows_follow_local_time_across_the_london_change_on_25_october_2026() {
        Rotation london = new Rotation("ldn", "London", List.of(layer("EMEA", "Europe/London", "09:00-17:00", List.of("every day"),
                List.of("U0AMARA"), "weekly", null)), List.of(), null, null);
        Schedule s = schedule(london, List.of());

        assertThat(s.at(Level.PRIMARY, Instant.parse("2026-10-24T08:30:00Z"))).isPresent();     // BST: 08:00-16:00 UTC
        assertThat(s.at(Level.PRIMARY, Instant.parse("2026-10-25T08:30:00Z"))).isEmpty();       // GMT: 09:00-17:00 UTC
        assertThat(s.at(Level.PRIMARY, Instant.parse("2026-10-25T16:30:00Z"))).isPresent();
        assertThat(s.gaps(Level.PRIMARY, Instant.parse("2026-10-24T00:00:00Z"), Instant.parse("2026-10-26T00:00:00Z")))
                .extracting(Shift::from, Shift::until).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-10-24T00:00:00Z"), Instant.parse("2026-10-24T08:00:00Z")),
                        org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-10-24T16:00:00Z"), Instant.parse("2026-10-25T09:00:00Z")),
                        org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-10-25T17:00:00Z"), Instant.parse("2026-10-26T00:00:00Z")));
    }

    @Test
    void zones_either_side_of_the_date_line_keep_their_own_weekdays() {
        Rotation pacific = new Rotation("pacific", "Pacific", List.of(
                layer("Auckland", "Pacific/Auckland", "09:00-17:00", List.of("weekdays"), List.of("U0KENJI"), "weekly", null),
                layer("Pago Pago", "Pacific/Pago_Pago", "09:00-17:00", List.of("weekdays"), List.of("U0LUCAS"), "weekly", null)),
                List.of(), null, null);
        Schedule s = schedule(pacific, List.of());

        assertThat(who(s, "2026-11-22T21:00:00Z")).contains(KENJI);   // Monday 10:00 in Auckland, still Sunday in UTC
        assertThat(who(s, "2026-11-28T03:00:00Z")).contains(LUCAS);   // Friday 16:00 in Pago Pago, Saturday in UTC
        assertThat(who(s, "2026-11-28T21:00:00Z")).isEmpty();         // Sunday 10:00 in Auckland
    }

    @Test
    void a_window_may_cross_midnight_and_overlapping_windows_go_to_the_newest() {
        Rotation nights = new Rotation("nights", "Nights", List.of(
                layer("Day", "UTC", "08:00-20:00", List.of("every day"), List.of("U0AMARA"), "weekly", null),
                layer("Night", "UTC", "19:00-09:00", List.of("every day"), List.of("U0KENJI"), "weekly", null)),
                List.of(), null, null);
        Schedule s = schedule(nights, List.of());

        assertThat(who(s, "2026-11-24T19:30:00Z")).contains(KENJI);   // Night began at 19:00, after Day's 08:00
        assertThat(who(s, "2026-11-25T03:00:00Z")).contains(KENJI);
        assertThat(who(s, "2026-11-25T08:30:00Z")).contains(AMARA);   // Day began at 08:00, after Night's 19:00
        assertThat(s.gaps(Level.PRIMARY, Instant.parse("2026-11-24T00:00:00Z"), Instant.parse("2026-11-27T00:00:00Z"))).isEmpty();
    }

    @Test
    void the_secondary_level_has_its_own_layers_and_weekend_list() {
        Rotation both = new Rotation("both", "Both", FOLLOW_THE_SUN.primary(),
                List.of(layer("Global", "UTC", "00:00-24:00", List.of("weekdays"), List.of("U0MARIA"), "weekly", null)),
                new WeekendRotation("America/Los_Angeles", "FRI 17:00", "MON 09:00", List.of("U0WKNDA", "U0WKNDB"),
                        List.of("U0AMARA", "U0LUCAS"), LocalDate.of(2026, 11, 6), 1), null);
        Schedule s = schedule(both, List.of());

        assertThat(s.at(Level.SECONDARY, Instant.parse("2026-11-24T08:30:00Z")).map(Shift::who)).contains(MARIA);
        assertThat(s.at(Level.SECONDARY, Instant.parse("2026-11-29T12:00:00Z")).map(Shift::who)).contains(LUCAS);
    }

    @Test
    void the_example_policy_leaves_no_one_uncovered_in_winter_or_summer() {
        app.escalate.config.Policy policy = app.escalate.config.PolicyLoader.builtIn();
        Schedule s = new Schedule(policy.rotation("escalations").orElseThrow(), policy::holidays, List.of());

        for (String from : List.of("2026-11-23T00:00:00Z", "2026-12-21T00:00:00Z", "2027-06-07T00:00:00Z")) {
            Instant start = Instant.parse(from);
            assertThat(s.gaps(Level.PRIMARY, start, start.plus(java.time.Duration.ofDays(14)))).as("primary from " + from).isEmpty();
            assertThat(s.gaps(Level.SECONDARY, start, start.plus(java.time.Duration.ofDays(14)))).as("secondary from " + from).isEmpty();
        }
    }

    @Test
    void the_holder_is_the_person_of_the_shift_in_force_through_weekends_holidays_and_overrides() {
        app.escalate.config.Policy policy = app.escalate.config.PolicyLoader.builtIn();
        ShiftOverride takeover = new ShiftOverride(1, "escalations", Level.PRIMARY, MARIA, Instant.parse("2026-12-24T20:00:00Z"),
                Instant.parse("2026-12-26T08:00:00Z"), LUCAS, Instant.parse("2026-12-20T00:00:00Z"));
        Schedule s = new Schedule(policy.rotation("escalations").orElseThrow(), policy::holidays, List.of(takeover));
        int withSomeone = 0;
        for (Instant t = Instant.parse("2026-12-18T00:17:00Z"); t.isBefore(Instant.parse("2027-01-04T00:00:00Z")); t = t.plusSeconds(97 * 60)) {
            for (Level level : Level.values()) {
                Optional<UserId> holder = s.holder(level, t);
                assertThat(holder).as(level + " at " + t).isEqualTo(s.at(level, t).map(Shift::who));
                if (holder.isPresent()) withSomeone++;
            }
        }
        assertThat(withSomeone).isGreaterThan(300);
    }

    @Test
    void daily_turns_on_weekdays_give_everyone_a_turn_even_with_seven_people() {
        List<String> seven = List.of("U0P1", "U0P2", "U0P3", "U0P4", "U0P5", "U0P6", "U0P7");
        Rotation daily = new Rotation("daily", "Daily", List.of(layer("Day", "UTC", "09:00-17:00", List.of("weekdays"), seven, "daily", null)),
                List.of(), null, null);
        Schedule s = schedule(daily, List.of());

        java.util.Map<UserId, Integer> turns = new java.util.HashMap<>();
        for (Shift shift : s.shifts(Level.PRIMARY, Instant.parse("2026-11-02T00:00:00Z"), Instant.parse("2026-12-14T00:00:00Z"))) {
            turns.merge(shift.who(), 1, Integer::sum);
        }
        assertThat(turns).hasSize(7).allSatisfy((who, n) -> assertThat(n).isBetween(4, 5));   // 30 working days, 7 people
    }

    @Test
    void the_next_shift_is_the_one_after_the_current_ends_even_if_it_is_the_same_person() {
        Rotation one = new Rotation("one", "One", List.of(layer("EMEA", "Europe/London", "09:00-17:00", List.of("weekdays"),
                List.of("U0AMARA"), "weekly", null)), List.of(), null, null);
        Schedule s = schedule(one, List.of());

        assertThat(s.next(Level.PRIMARY, Instant.parse("2026-11-24T12:00:00Z"))).contains(new Shift(Level.PRIMARY, AMARA,
                Instant.parse("2026-11-25T09:00:00Z"), Instant.parse("2026-11-25T17:00:00Z"), "EMEA"));
    }

    @Test
    void a_weekend_window_within_one_day_lasts_that_day() {
        Rotation saturday = new Rotation("sat", "Saturday", FOLLOW_THE_SUN.primary(), List.of(),
                new WeekendRotation("UTC", "SAT 09:00", "SAT 17:00", List.of("U0WKNDA", "U0WKNDB"), List.of(),
                        LocalDate.of(2026, 11, 7), 1), null);
        Schedule s = schedule(saturday, List.of());

        assertThat(s.at(Level.PRIMARY, Instant.parse("2026-11-07T12:00:00Z")).orElseThrow().until()).isEqualTo(Instant.parse("2026-11-07T17:00:00Z"));
        assertThat(who(s, "2026-11-11T12:00:00Z")).contains(AMARA);
    }

    @Test
    void the_secondary_is_never_the_primarys_person_while_someone_else_can_stand_in() {
        Rotation both = new Rotation("both", "Both",
                List.of(layer("EMEA", "Europe/London", "09:00-17:00", List.of("weekdays"), List.of("U0AMARA"), "weekly", null)),
                List.of(layer("Global", "UTC", "00:00-24:00", List.of("every day"), List.of("U0AMARA", "U0KENJI"), "weekly", null)),
                null, null);
        Schedule s = schedule(both, List.of());
        Instant t = Instant.parse("2026-11-03T12:00:00Z");   // week 0 of Global: Amara's turn, but she is primary

        assertThat(s.at(Level.SECONDARY, t).map(Shift::who)).contains(KENJI);
        assertThat(s.at(Level.SECONDARY, Instant.parse("2026-11-03T20:00:00Z")).map(Shift::who)).contains(AMARA);  // after London's day
    }
}
