package app.escalate.config;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Times, days and zones as people write them in the policy: {@code 09:00}, {@code FRI 17:00}, {@code Europe/London}. */
final class TimeText {
    /** Compiled once: on-call schedules read their times on every request. */
    private static final Pattern CLOCK_TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d|24:00");

    private TimeText() {
    }

    static ZoneId zone(String key, String text) {
        if (text == null) throw new IllegalArgumentException(key + ": missing");
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(key + ": not a time zone such as Europe/London, got \"" + text + "\"");
        }
    }

    static LocalTime time(String key, String text) {
        if (text == null || !CLOCK_TIME.matcher(text.strip()).matches()) {
            throw new IllegalArgumentException(key + ": a time such as 09:00, got \"" + text + "\"");
        }
        return text.strip().equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(text.strip());
    }

    static DayOfWeek day(String key, String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (t.length() >= 3 && d.name().startsWith(t)) return d;
        }
        throw new IllegalArgumentException(key + ": a day such as MON or FRIDAY, got \"" + text + "\"");
    }

    /** {@code [MON, TUE]}, or the words {@code weekdays} / {@code every day}. */
    static Set<DayOfWeek> days(String key, List<String> texts) {
        if (texts == null || texts.isEmpty()) return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String text : texts) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            if (t.equals("weekdays")) days.addAll(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
            else if (t.equals("every day") || t.equals("daily")) days.addAll(EnumSet.allOf(DayOfWeek.class));
            else days.add(day(key, text));
        }
        return days;
    }
}
