package app.escalate.commands.oncall;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseId;
import app.escalate.commands.EventData;
import app.escalate.commands.FairnessReport;
import app.escalate.commands.Level;
import app.escalate.commands.ShiftOverride;
import app.escalate.commands.UserId;
import app.escalate.config.Layer;
import app.escalate.config.Person;
import app.escalate.config.Rotation;
import app.escalate.config.WeekendRotation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * March 2026 (UTC) on a rotation whose weekdays and weekends are read in Los Angeles, where the
 * clocks go forward on Sunday 8 March, with a secondary in London, where they go forward on Sunday
 * 29 March. Every figure below is worked out by hand in the comments.
 */
class FairnessTest {
    private static final UserId ANA = new UserId("U0ANA");   // Los Angeles
    private static final UserId BEN = new UserId("U0BEN");   // not in people: UTC, 09:00-18:00
    private static final UserId CAL = new UserId("U0CAL");   // Los Angeles
    private static final UserId DEV = new UserId("U0DEV");   // Tokyo (no daylight saving)
    private static final UserId ELI = new UserId("U0ELI");   // London

    private static final Map<String, Person> PEOPLE = Map.of(
            ANA.value(), new Person("America/Los_Angeles", null, null, null),
            CAL.value(), new Person("America/Los_Angeles", null, null, null),
            DEV.value(), new Person("Asia/Tokyo", null, null, null),
            ELI.value(), new Person("Europe/London", null, null, null));

    /**
     * Primary: all day on weekdays in Los Angeles, ANA and BEN taking weekly turns from Monday 2 March
     * (ANA the weeks of 2, 16 and 30 March; BEN the weeks of 9 and 23 March); the weekend, Saturday
     * 00:00 to Monday 00:00 in Los Angeles, CAL and DEV in turn from Saturday 28 February (CAL the
     * weekends of 28 Feb, 14 and 28 March; DEV those of 7 and 21 March). Tuesday 10 March is a
     * holiday, covered by that week's weekend person, CAL. Secondary: ELI, all day every day.
     */
    private static final Rotation ROTATION = new Rotation("support", "Support",
            List.of(new Layer("AMER", "America/Los_Angeles", "00:00-24:00", List.of("weekdays"), List.of(ANA.value(), BEN.value()),
                    "weekly", LocalDate.of(2026, 3, 2), "us")),
            List.of(new Layer("Backup", "Europe/London", "00:00-24:00", List.of("every day"), List.of(ELI.value()),
                    "weekly", LocalDate.of(2026, 3, 2), null)),
            new WeekendRotation("America/Los_Angeles", "SAT 00:00", "MON 00:00", List.of(CAL.value(), DEV.value()), List.of(),
                    LocalDate.of(2026, 2, 28), 1),
            null);

    /** DEV takes BEN's primary on Thursday 12 March from 09:00 to 21:00 Los Angeles time (PDT): 16:00Z to 04:00Z. */
    private static final ShiftOverride OVERRIDE = new ShiftOverride(1, "support", Level.PRIMARY, DEV,
            Instant.parse("2026-03-12T16:00:00Z"), Instant.parse("2026-03-13T04:00:00Z"), BEN, Instant.parse("2026-03-01T12:00:00Z"));

    private static final List<CaseEvent> EVENTS = List.of(
            paged(ANA, "2026-02-27T18:00:00Z"),   // before March: not counted
            paged(ANA, "2026-03-03T18:00:00Z"),   // Tue 10:00 PST: working
            paged(ANA, "2026-03-04T11:00:00Z"),   // Wed 03:00 PST: outside
            paged(ANA, "2026-03-09T16:30:00Z"),   // Mon 09:30 PDT: working (at PST's offset it would be 08:30, outside)
            paged(BEN, "2026-03-09T08:30:00Z"),   // Mon 08:30 UTC: outside
            paged(CAL, "2026-03-10T19:00:00Z"),   // the holiday, Tue 12:00 PDT: within working hours all the same
            paged(ELI, "2026-03-29T09:00:00Z"),   // Sun 10:00 BST: outside
            new CaseEvent(new CaseId(7), Instant.parse("2026-03-05T12:00:00Z"), ANA,
                    new EventData.NoteAdded("not a page")));

    private static CaseEvent paged(UserId who, String at) {
        return new CaseEvent(new CaseId(7), Instant.parse(at), ANA, new EventData.Paged(who, "primary", "support", Optional.empty()));
    }

    private static FairnessReport march() {
        Schedule schedule = new Schedule(ROTATION, calendar -> "us".equals(calendar) ? List.of(LocalDate.of(2026, 3, 10)) : List.of(),
                List.of(OVERRIDE));
        return Fairness.of(FairnessReport.Period.month(YearMonth.of(2026, 3)), List.of(schedule), EVENTS,
                id -> PEOPLE.getOrDefault(id, Person.DEFAULT), Duration.ofHours(24));
    }

    private static Duration h(long hours) {
        return Duration.ofHours(hours);
    }

    /*
     * March 2026 in UTC is 2026-03-01T00:00Z (Sat 28 Feb 16:00 PST) to 2026-04-01T00:00Z (Tue 31 Mar 17:00 PDT): 744 h.
     * The primary, in UTC:
     *   03-01 00:00 – 03-02 08:00  CAL  weekend (to Mon 00:00 PST)                          32 h
     *   03-02 08:00 – 03-07 08:00  ANA  Mon–Fri                                              120 h
     *   03-07 08:00 – 03-09 07:00  DEV  weekend; Sat 00:00 PST to Mon 00:00 PDT: clocks skip   47 h
     *   03-09 07:00 – 03-10 07:00  BEN  Monday                                                24 h
     *   03-10 07:00 – 03-11 07:00  CAL  the holiday, Tue 10 March                             24 h
     *   03-11 07:00 – 03-14 07:00  BEN  Wed–Fri, less DEV's override 03-12 16:00 – 03-13 04:00 60 h (DEV 12 h)
     *   03-14 07:00 – 03-16 07:00  CAL  weekend                                               48 h
     *   03-16 07:00 – 03-21 07:00  ANA                                                       120 h
     *   03-21 07:00 – 03-23 07:00  DEV  weekend                                               48 h
     *   03-23 07:00 – 03-28 07:00  BEN                                                       120 h
     *   03-28 07:00 – 03-30 07:00  CAL  weekend                                               48 h
     *   03-30 07:00 – 04-01 00:00  ANA  Mon, and Tue to 17:00 PDT                             41 h
     * Primary: ANA 120+120+41 = 281; BEN 24+60+120 = 204; CAL 32+24+48+48 = 152; DEV 47+12+48 = 107 (sum 744).
     * Secondary: ELI all 744 h.
     *
     * Night (22:00–07:00) and weekend (Sat–Sun), each in the person's own zone:
     *   ANA (LA): each Mon 00:00 – Sat 00:00 week: Mon 00–07 (7) + four nights of 9 + Fri 22–24 (2) = 45, twice;
     *             Mon 30 00:00 – Tue 31 17:00: 7 + 9 = 16. Night 45+45+16 = 106; weekend 0.
     *   BEN (UTC): 03-09 07:00–03-10 07:00: 9; 03-11 07:00–03-12 16:00: 9; 03-13 04:00–03-14 07:00: 3 + 9 = 12;
     *             03-23 07:00–03-28 07:00: 5 × 9 = 45. Night 75. Weekend: Sat 14th 00–07 (7) + Sat 28th 00–07 (7) = 14.
     *   CAL (LA): Sat 28 Feb 16:00 – Mon 00:00: nights 22–07 (9) + Sun 22–24 (2) = 11, weekend 32;
     *             the holiday Tue 00:00–24:00: 7 + 2 = 9 night, 24 holiday; each of two weekends: 7 + 9 + 2 = 18 night, 48 weekend.
     *             Night 11+9+18+18 = 56; weekend 32+48+48 = 128; holiday 24.
     *   DEV (Tokyo, UTC+9): Sat 7 17:00 – Mon 9 16:00 JST: nights 9 + 9, weekend 7 + 24 = 31;
     *             the override, Fri 13 01:00 – 13:00 JST: night 6; Sat 21 16:00 – Mon 23 16:00 JST: nights 9 + 9, weekend 8 + 24 = 32.
     *             Night 18+6+18 = 42; weekend 31+32 = 63.
     *   ELI (London): nights from 28 Feb's (7 h after 00:00), 1–27 March (27 × 9 = 243), 28 March's (22:00 GMT to 07:00 BST:
     *             8), 29–30 March's (18), 31 March's to 00:00Z = 01:00 BST (3): 279. Weekends: Sun 1st 24, 7–8th, 14–15th,
     *             21–22nd 48 each, Sat 28th 00:00 GMT – Mon 30th 00:00 BST: 47. 215.
     * Pages in March: ANA 3 (one outside: Wed 03:00); BEN 1 (outside); CAL 1 (inside); ELI 1 (outside, a Sunday); DEV 0.
     * Spread: ELI 744 − DEV 107 = 637 h, more than 24 h.
     */
    @Test
    void counts_a_month_of_shifts_across_the_clocks_changing_with_a_weekend_a_holiday_an_override_and_pages() {
        FairnessReport report = march();

        assertThat(report.rows()).containsExactly(
                new FairnessReport.Row(ELI, h(0), h(744), h(744), h(279), h(215), h(0), 1, 1),
                new FairnessReport.Row(ANA, h(281), h(0), h(281), h(106), h(0), h(0), 3, 1),
                new FairnessReport.Row(BEN, h(204), h(0), h(204), h(75), h(14), h(0), 1, 1),
                new FairnessReport.Row(CAL, h(152), h(0), h(152), h(56), h(128), h(24), 1, 0),
                new FairnessReport.Row(DEV, h(107), h(0), h(107), h(42), h(63), h(0), 0, 0));
        assertThat(report.spread()).isEqualTo(h(637));
        assertThat(report.spreadTooWide()).isTrue();
    }

    @Test
    void an_override_on_a_holiday_earns_whoever_covers_it_the_holiday_hours() {
        ShiftOverride onTheHoliday = new ShiftOverride(2, "support", Level.PRIMARY, ANA,
                Instant.parse("2026-03-10T15:00:00Z"), Instant.parse("2026-03-10T19:00:00Z"), ANA, Instant.parse("2026-03-01T12:00:00Z"));
        Schedule schedule = new Schedule(ROTATION, calendar -> "us".equals(calendar) ? List.of(LocalDate.of(2026, 3, 10)) : List.of(),
                List.of(onTheHoliday));

        FairnessReport report = Fairness.of(FairnessReport.Period.month(YearMonth.of(2026, 3)), List.of(schedule), List.of(),
                id -> PEOPLE.getOrDefault(id, Person.DEFAULT), Duration.ofHours(24));

        assertThat(report.rows()).filteredOn(r -> r.user().equals(ANA)).singleElement()
                .satisfies(r -> assertThat(r.holiday()).isEqualTo(h(4)));
        assertThat(report.rows()).filteredOn(r -> r.user().equals(CAL)).singleElement()
                .satisfies(r -> assertThat(r.holiday()).isEqualTo(h(20)));
    }

    @Test
    void a_page_someone_asked_for_counts_as_a_page_received() {
        Schedule schedule = new Schedule(ROTATION, calendar -> List.of(), List.of());
        List<CaseEvent> asked = List.of(new CaseEvent(new CaseId(7), Instant.parse("2026-03-04T11:00:00Z"), ANA,   // Wed 03:00 PST
                new EventData.PageRequested(2, BEN, Optional.empty(), "need eyes on the logs")));

        FairnessReport report = Fairness.of(FairnessReport.Period.month(YearMonth.of(2026, 3)), List.of(schedule), asked,
                id -> PEOPLE.getOrDefault(id, Person.DEFAULT), Duration.ofHours(24));

        assertThat(report.rows()).filteredOn(r -> r.user().equals(BEN)).singleElement().satisfies(r -> assertThat(r.pages()).isEqualTo(1));
        assertThat(report.rows()).filteredOn(r -> r.user().equals(ANA)).allSatisfy(r -> assertThat(r.pages()).isZero());
    }

    @Test
    void the_text_names_people_by_id_only_and_warns_of_a_wide_spread_and_the_csv_has_a_row_each() {
        FairnessReport report = march();

        assertThat(FairnessText.mrkdwn(report))
                .startsWith(":scales: *On-call fairness*, March 2026 (2026-03-01 00:00 to 2026-04-01 00:00 UTC)")
                .contains("• <@U0CAL>: *152.0 h* on call (primary 152.0 h, secondary 0.0 h) · night 56.0 h · weekend 128.0 h"
                        + " · holiday 24.0 h · 1 page (0 outside working hours)")
                .contains("Spread: *637.0 h* between <@U0ELI> (most) and <@U0DEV> (least); the policy allows 24.0 h.")
                .endsWith(":warning: The spread is more than `fairness.max_spread` (24.0 h): consider overrides or changing the rotation's turns.");
        assertThat(FairnessText.csv(report)).isEqualTo("""
                user,primary_hours,secondary_hours,on_call_hours,night_hours,weekend_hours,holiday_hours,pages,pages_outside_working_hours
                U0ELI,0.00,744.00,744.00,279.00,215.00,0.00,1,1
                U0ANA,281.00,0.00,281.00,106.00,0.00,0.00,3,1
                U0BEN,204.00,0.00,204.00,75.00,14.00,0.00,1,1
                U0CAL,152.00,0.00,152.00,56.00,128.00,24.00,1,0
                U0DEV,107.00,0.00,107.00,42.00,63.00,0.00,0,0
                """);
        assertThat(FairnessText.csvName(report)).isEqualTo("oncall-fairness-2026-03-01-to-2026-04-01.csv");
    }

    @Test
    void periods_are_the_last_days_the_calendar_quarter_so_far_or_a_whole_month_in_utc() {
        Instant now = Instant.parse("2026-12-07T21:00:00Z");
        assertThat(FairnessReport.Period.last(30, now).from()).isEqualTo(Instant.parse("2026-11-07T21:00:00Z"));
        assertThat(FairnessReport.Period.quarter(now)).isEqualTo(new FairnessReport.Period("Q4 2026 so far", Instant.parse("2026-10-01T00:00:00Z"), now));
        assertThat(FairnessReport.Period.month(YearMonth.of(2026, 11)).until()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    }
}
