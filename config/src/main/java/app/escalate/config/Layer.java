package app.escalate.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One follow-the-sun layer: a region's daily window in its own time zone, on some days, whose
 * members take turns daily or weekly from {@code start}. A window may cross midnight (22:00-06:00);
 * {@code 00:00-24:00} is the whole day. On a date in its {@code holidays} calendar the weekend
 * rotation covers the window instead.
 */
public record Layer(String name, String timeZone, String window, List<String> days, List<String> members,
                    String rotate, LocalDate start, String holidays) {

    public Layer {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name: missing");
        TimeText.zone("time_zone", timeZone);
        if (window == null || !window.matches("\\s*\\d{2}:\\d{2}\\s*-\\s*\\d{2}:\\d{2}\\s*")) {
            throw new IllegalArgumentException("window: a daily window such as 09:00-17:00, got \"" + window + "\"");
        }
        String[] bounds = window.split("-");
        TimeText.time("window", bounds[0]);
        TimeText.time("window", bounds[1]);
        TimeText.days("days", days);
        members = Groups.members("members", members);
        if (members.isEmpty()) throw new IllegalArgumentException("members: at least one person");
        if (rotate == null) rotate = "weekly";
        rotate = rotate.toLowerCase(Locale.ROOT);
        if (!rotate.equals("daily") && !rotate.equals("weekly")) {
            throw new IllegalArgumentException("rotate: daily or weekly, got \"" + rotate + "\"");
        }
        if (start == null) throw new IllegalArgumentException("start: the date the first member's turn begins (YYYY-MM-DD)");
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public LocalTime from() {
        return TimeText.time("window", window.split("-")[0]);
    }

    public LocalTime until() {
        return TimeText.time("window", window.split("-")[1]);
    }

    public Set<DayOfWeek> workDays() {
        return TimeText.days("days", days);
    }

    public boolean rotatesDaily() {
        return rotate.equals("daily");
    }
}
