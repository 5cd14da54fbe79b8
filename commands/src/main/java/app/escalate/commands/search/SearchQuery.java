package app.escalate.commands.search;

import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseState;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /esc search <words> [type:<t>] [sev:<n>] [state:open|resolved] [since:<YYYY-MM-DD>]}: the words to
 * look for and the filters a case must pass. {@code since} is a UTC date: cases opened on or after it.
 */
public record SearchQuery(String words, Optional<String> type, Optional<Integer> severity, Optional<Boolean> open,
                          Optional<LocalDate> since) {

    public static final String USAGE = "`search` takes words to look for, and optionally `type:<case-type>`, `sev:<1-4>`, "
            + "`state:open|resolved` and `since:<YYYY-MM-DD>`, e.g. `/esc search deepfake of a candidate sev:1 since:2026-01-01`.";

    /** The query, or what is wrong with it (a message for the person who typed it). */
    public sealed interface Parsed {
    }

    public record Valid(SearchQuery query) implements Parsed {
    }

    public record Invalid(String problem) implements Parsed {
    }

    public static Parsed parse(String text) {
        List<String> words = new ArrayList<>();
        Optional<String> type = Optional.empty();
        Optional<Integer> severity = Optional.empty();
        Optional<Boolean> open = Optional.empty();
        Optional<LocalDate> since = Optional.empty();
        for (String token : text.trim().split("\\s+")) {
            String lower = token.toLowerCase(Locale.ROOT);
            if (lower.startsWith("type:") && lower.length() > 5) {
                type = Optional.of(lower.substring(5));
            } else if (lower.startsWith("sev:")) {
                String n = lower.substring(4).replaceFirst("^sev", "");
                if (!n.matches("[1-4]")) return new Invalid("`sev:` takes 1 to 4, e.g. `sev:2`.");
                severity = Optional.of(Integer.parseInt(n));
            } else if (lower.startsWith("state:")) {
                String s = lower.substring(6);
                if (!s.equals("open") && !s.equals("resolved")) return new Invalid("`state:` takes `open` or `resolved`.");
                open = Optional.of(s.equals("open"));
            } else if (lower.startsWith("since:")) {
                try {
                    since = Optional.of(LocalDate.parse(lower.substring(6)));
                } catch (DateTimeParseException e) {
                    return new Invalid("`since:` takes a date as YYYY-MM-DD, e.g. `since:2026-03-01`.");
                }
            } else if (!token.isBlank()) {
                words.add(token);
            }
        }
        if (words.isEmpty()) return new Invalid(USAGE);
        return new Valid(new SearchQuery(String.join(" ", words), type, severity, open, since));
    }

    /** Whether {@code file} passes the filters (not whether the person may see it: see {@link CaseFile#visibleTo}). */
    public boolean admits(CaseFile file) {
        var c = file.details();
        if (type.isPresent() && !c.caseType().map(type.get()::equals).orElse(false)) return false;
        if (severity.isPresent() && c.severity().level() != severity.get()) return false;
        if (open.isPresent() && (c.state() != CaseState.RESOLVED) != open.get()) return false;
        return since.isEmpty() || !c.openedAt().isBefore(since.get().atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
