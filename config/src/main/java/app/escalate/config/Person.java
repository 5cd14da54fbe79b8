package app.escalate.config;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the policy says of one person ({@code people.<user id>}): their time zone, the hours they
 * work (Monday to Friday), the quiet hours only a SEV1 may break, and the steps a page to them
 * climbs until they acknowledge it. Someone the policy does not name is paged by Slack alone,
 * works 09:00-18:00 UTC and has no quiet hours.
 */
public record Person(String timeZone, String workingHours, String quietHours,
                     @com.fasterxml.jackson.annotation.JsonProperty("notify") List<NotifyStep> steps) {
    public static final List<NotifyStep> SLACK_ONLY = List.of(NotifyStep.of(Duration.ZERO, "slack"));
    public static final Person DEFAULT = new Person(null, null, null, null);
    public static final int MAX_STEPS = 6;

    public Person {
        if (timeZone == null) timeZone = "UTC";
        TimeText.zone("time_zone", timeZone);
        if (workingHours == null) workingHours = "09:00-18:00";
        DailyWindow.parse("working_hours", workingHours);
        if (quietHours != null) DailyWindow.parse("quiet_hours", quietHours);
        List<NotifyStep> sorted = new ArrayList<>(steps == null || steps.isEmpty() ? SLACK_ONLY : steps);
        if (sorted.size() > MAX_STEPS) throw new IllegalArgumentException("notify: at most " + MAX_STEPS + " steps, got " + sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i) == null) throw new IllegalArgumentException("notify[" + i + "]: empty step");
        }
        sorted.sort(Comparator.comparing(NotifyStep::delay));
        steps = List.copyOf(sorted);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public DailyWindow working() {
        return DailyWindow.parse("working_hours", workingHours);
    }

    public Optional<DailyWindow> quiet() {
        return Optional.ofNullable(quietHours).map(q -> DailyWindow.parse("quiet_hours", q));
    }

    /** Whether {@code at} falls in this person's quiet hours, in their time zone. */
    public boolean isQuiet(java.time.Instant at) {
        return quiet().map(q -> q.contains(at.atZone(zone()).toLocalTime())).orElse(false);
    }

    /** When the quiet hours around {@code at} end (at itself when it is not quiet). */
    public java.time.Instant quietUntil(java.time.Instant at) {
        if (!isQuiet(at)) return at;
        DailyWindow q = quiet().orElseThrow();
        ZonedDateTime local = at.atZone(zone());
        ZonedDateTime end = local.with(q.until());
        if (!end.isAfter(local)) end = local.plusDays(1).with(q.until());
        return end.toInstant();
    }

    /** Whether {@code at} is inside this person's working hours: Monday to Friday, in their time zone. */
    public boolean isWorking(java.time.Instant at) {
        ZonedDateTime local = at.atZone(zone());
        DayOfWeek day = local.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && working().contains(local.toLocalTime());
    }
}
