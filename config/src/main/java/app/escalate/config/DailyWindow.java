package app.escalate.config;

import java.time.LocalTime;

/**
 * A stretch of each day in someone's own time zone, {@code 22:00-07:00}: it may cross midnight,
 * and {@code 00:00-24:00} is the whole day.
 */
public record DailyWindow(LocalTime from, LocalTime until) {

    public static DailyWindow parse(String key, String text) {
        if (text == null || !text.matches("\\s*\\d{2}:\\d{2}\\s*-\\s*\\d{2}:\\d{2}\\s*")) {
            throw new IllegalArgumentException(key + ": a daily window such as 22:00-07:00, got \"" + text + "\"");
        }
        String[] bounds = text.split("-");
        boolean wholeDay = bounds[1].strip().equals("24:00");
        DailyWindow w = new DailyWindow(TimeText.time(key, bounds[0]), TimeText.time(key, bounds[1]));
        if (w.from().equals(w.until()) && !wholeDay) throw new IllegalArgumentException(key + ": starts and ends at the same time");
        return w;
    }

    /** Whether {@code time} falls inside: from inclusive, until exclusive. */
    public boolean contains(LocalTime time) {
        if (from.equals(until)) return true;   // 00:00-24:00
        if (from.isBefore(until)) return !time.isBefore(from) && time.isBefore(until);
        return !time.isBefore(from) || time.isBefore(until);
    }

    @Override
    public String toString() {
        return from + "-" + (until.equals(LocalTime.MIDNIGHT) && from.equals(until) ? "24:00" : until.toString());
    }
}
