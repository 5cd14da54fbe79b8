package app.escalate.commands;

import java.util.Optional;
import java.util.regex.Pattern;

/** Record ids (cases, drafts, handoffs) as buttons and forms carry them: a whole number from 1, at most twelve digits. */
public final class Ids {
    private static final Pattern POSITIVE = Pattern.compile("0*[1-9]\\d{0,11}");

    private Ids() {
    }

    /** The id {@code digits} spells; empty for anything else (0, a sign, text, null). */
    public static Optional<Long> positive(String digits) {
        return digits != null && POSITIVE.matcher(digits).matches() ? Optional.of(Long.parseLong(digits)) : Optional.empty();
    }
}
