package app.escalate.commands.oncall;

import app.escalate.commands.FairnessReport;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link FairnessReport} as Slack mrkdwn (the ephemeral answer and the monthly post) and as CSV
 * (for payroll). The text holds only user ids, numbers and fixed words, so nothing in it needs
 * escaping: no case is named.
 */
public final class FairnessText {
    public static final String CSV_HEADER = "user,primary_hours,secondary_hours,on_call_hours,night_hours,weekend_hours,"
            + "holiday_hours,pages,pages_outside_working_hours";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private FairnessText() {
    }

    /** The report for Slack: a heading, a line per person, the spread, and a warning line when it is too wide. */
    public static String mrkdwn(FairnessReport report) {
        List<String> lines = new ArrayList<>();
        lines.add(":scales: *On-call fairness*, " + report.period().label() + " (" + UTC.format(report.period().from()) + " to "
                + UTC.format(report.period().until()) + " UTC)");
        lines.add("_Hours held at primary and at secondary; on call counts an hour held at both once. Night (22:00-07:00) and "
                + "weekend (Sat-Sun) are in each person's time zone; holiday is a layer's window on a date of its holiday calendar._");
        if (report.rows().isEmpty()) {
            lines.add("Nobody takes turns on call in this policy.");
            return String.join("\n", lines);
        }
        for (FairnessReport.Row r : report.rows()) {
            lines.add("• <@" + r.user().value() + ">: *" + hours(r.onCall(), 1) + " h* on call (primary " + hours(r.primary(), 1)
                    + " h, secondary " + hours(r.secondary(), 1) + " h) · night " + hours(r.night(), 1) + " h · weekend "
                    + hours(r.weekend(), 1) + " h · holiday " + hours(r.holiday(), 1) + " h · " + pages(r.pages())
                    + " (" + r.pagesOutsideWorkingHours() + " outside working hours)");
        }
        FairnessReport.Row most = report.mostLoaded().orElseThrow();
        FairnessReport.Row least = report.leastLoaded().orElseThrow();
        lines.add("Spread: *" + hours(report.spread(), 1) + " h* between <@" + most.user().value() + "> (most) and <@"
                + least.user().value() + "> (least); the policy allows " + hours(report.maxSpread(), 1) + " h.");
        if (report.spreadTooWide()) {
            lines.add(":warning: The spread is more than `fairness.max_spread` (" + hours(report.maxSpread(), 1)
                    + " h): consider overrides or changing the rotation's turns.");
        }
        return String.join("\n", lines);
    }

    /** One row per person with the columns of {@link #CSV_HEADER}; hours to two decimals. */
    public static String csv(FairnessReport report) {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        for (FairnessReport.Row r : report.rows()) {
            csv.append(r.user().value()).append(',').append(hours(r.primary(), 2)).append(',').append(hours(r.secondary(), 2))
                    .append(',').append(hours(r.onCall(), 2)).append(',').append(hours(r.night(), 2)).append(',')
                    .append(hours(r.weekend(), 2)).append(',').append(hours(r.holiday(), 2)).append(',').append(r.pages())
                    .append(',').append(r.pagesOutsideWorkingHours()).append('\n');
        }
        return csv.toString();
    }

    /** The CSV file's name: {@code oncall-fairness-<from>-to-<until>.csv}, dates in UTC. */
    public static String csvName(FairnessReport report) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
        return "oncall-fairness-" + day.format(report.period().from()) + "-to-" + day.format(report.period().until()) + ".csv";
    }

    static String hours(Duration d, int decimals) {
        return BigDecimal.valueOf(d.getSeconds()).divide(BigDecimal.valueOf(3600), decimals, RoundingMode.HALF_UP).toPlainString();
    }

    private static String pages(int n) {
        return n == 1 ? "1 page" : n + " pages";
    }
}
