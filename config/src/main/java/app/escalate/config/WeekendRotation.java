package app.escalate.config;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The weekend: from {@code start} (e.g. {@code FRI 17:00}) to {@code end} ({@code MON 09:00}) in its
 * own time zone, weekly turns from {@code start_date}, primary and secondary lists. Holidays are
 * covered by it too. Nobody may have more than {@code max_in_a_row} weekends in a row.
 */
public record WeekendRotation(String timeZone, String start, String end, List<String> primary, List<String> secondary,
                              LocalDate startDate, @JsonProperty("max_in_a_row") Integer maxInARow) {

    public WeekendRotation {
        TimeText.zone("time_zone", timeZone);
        dayTime("start", start);
        dayTime("end", end);
        primary = Groups.members("primary", primary);
        secondary = Groups.members("secondary", secondary);
        if (primary.isEmpty()) throw new IllegalArgumentException("primary: at least one person");
        if (startDate == null) throw new IllegalArgumentException("start_date: the date of the first weekend (YYYY-MM-DD)");
        DayOfWeek startDay = TimeText.day("start", start.strip().split("\\s+")[0]);
        if (startDate.getDayOfWeek() != startDay) {
            throw new IllegalArgumentException("start_date: " + startDate + " is a " + startDate.getDayOfWeek()
                    + "; the first weekend starts on a " + startDay);
        }
        if (start.strip().equalsIgnoreCase(end.strip())) throw new IllegalArgumentException("end: the same as start");
        if (maxInARow == null) maxInARow = 1;
        if (maxInARow < 1) throw new IllegalArgumentException("max_in_a_row: at least 1");
        fair("primary", primary, maxInARow);
        fair("secondary", secondary, maxInARow);
    }

    /** Turns go round the list, so a person's run of weekends is their longest run of neighbours in it, read in a circle. */
    private static void fair(String key, List<String> members, int max) {
        if (members.isEmpty()) return;
        if (members.stream().distinct().count() == 1 && max < Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + ": " + members.get(0) + " would have every weekend; max_in_a_row is " + max);
        }
        int n = members.size();
        for (int i = 0; i < n; i++) {
            int run = 1;
            while (run < n && members.get((i + run) % n).equals(members.get(i))) run++;
            if (run > max) {
                throw new IllegalArgumentException(key + ": " + members.get(i) + " would have " + run + " weekends in a row; max_in_a_row is " + max);
            }
        }
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public DayOfWeek startDay() {
        return TimeText.day("start", start.strip().split("\\s+")[0]);
    }

    public LocalTime startTime() {
        return dayTime("start", start);
    }

    public DayOfWeek endDay() {
        return TimeText.day("end", end.strip().split("\\s+")[0]);
    }

    public LocalTime endTime() {
        return dayTime("end", end);
    }

    private static LocalTime dayTime(String key, String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("\\s+");
        if (parts.length != 2) throw new IllegalArgumentException(key + ": a day and time such as FRI 17:00, got \"" + text + "\"");
        TimeText.day(key, parts[0]);
        return TimeText.time(key, parts[1]);
    }
}
