package app.escalate.commands;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * How evenly on-call was shared over a period ({@code /esc oncall report}, the monthly post): one
 * row per person, most on-call hours first; the spread between the most and least loaded by on-call
 * hours (primary and secondary together, an hour held at both levels counted once), and whether it
 * is more than the policy allows. Computed by {@code oncall.Fairness}.
 */
public record FairnessReport(Period period, List<Row> rows, Duration spread, Duration maxSpread) {
    public FairnessReport {
        rows = List.copyOf(rows);
    }

    public boolean spreadTooWide() {
        return spread.compareTo(maxSpread) > 0;
    }

    public Optional<Row> mostLoaded() {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public Optional<Row> leastLoaded() {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(rows.size() - 1));
    }

    /** The stretch of time a report covers, [from, until), and how it is named. */
    public record Period(String label, Instant from, Instant until) {
        /** The last {@code days} days up to {@code now}. */
        public static Period last(int days, Instant now) {
            return new Period("last " + days + " days", now.minus(Duration.ofDays(days)), now);
        }

        /** The current calendar quarter (UTC) so far. */
        public static Period quarter(Instant now) {
            LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
            int q = (today.getMonthValue() - 1) / 3;
            LocalDate first = LocalDate.of(today.getYear(), q * 3 + 1, 1);
            return new Period("Q" + (q + 1) + " " + today.getYear() + " so far", first.atStartOfDay(ZoneOffset.UTC).toInstant(), now);
        }

        /** A whole calendar month (UTC). */
        public static Period month(YearMonth month) {
            return new Period(month.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " " + month.getYear(),
                    month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
    }

    /** One person's load over the period. Night, weekend and holiday hours are of their time on call at either level. */
    public record Row(UserId user, Duration primary, Duration secondary, Duration onCall, Duration night, Duration weekend,
                      Duration holiday, int pages, int pagesOutsideWorkingHours) {
    }
}
