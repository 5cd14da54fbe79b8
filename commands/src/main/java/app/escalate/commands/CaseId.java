package app.escalate.commands;

import java.util.Optional;
import java.util.regex.Pattern;

/** A case's number, shown to people as {@code ESC-<n>}. */
public record CaseId(long number) {
    private static final Pattern TEXT = Pattern.compile("(?i)#?esc-0*([1-9]\\d{0,11})");

    public CaseId {
        if (number < 1) throw new IllegalArgumentException("case numbers start at 1");
    }

    /** A case number as buttons and forms carry it ({@code "12"}); empty for anything else, 0 included. */
    public static Optional<CaseId> ofNumber(String digits) {
        return Ids.positive(digits).map(CaseId::new);
    }

    public static Optional<CaseId> parse(String text) {
        var m = TEXT.matcher(text.trim());
        return m.matches() ? Optional.of(new CaseId(Long.parseLong(m.group(1)))) : Optional.empty();
    }

    @Override
    public String toString() {
        return "ESC-" + number;
    }
}
