package app.escalate.commands;

import java.util.Locale;
import java.util.Optional;

/** SEV1 is the most severe. Declaration order is urgency order. */
public enum Severity {
    SEV1, SEV2, SEV3, SEV4;

    public static final Severity DEFAULT = SEV3;

    public int level() {
        return ordinal() + 1;
    }

    public static Severity ofLevel(int level) {
        if (level < 1 || level > 4) throw new IllegalArgumentException("severity levels are 1 to 4");
        return values()[level - 1];
    }

    /** Reads {@code sev1}, {@code SEV1}. */
    public static Optional<Severity> parse(String token) {
        String t = token.trim().toUpperCase(Locale.ROOT);
        return t.matches("SEV[1-4]") ? Optional.of(valueOf(t)) : Optional.empty();
    }
}
