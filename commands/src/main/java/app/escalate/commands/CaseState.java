package app.escalate.commands;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Where a case is in its lifecycle, and where it may go from here. */
public enum CaseState {
    TRIAGE, INVESTIGATING, MITIGATED, MONITORING, RESOLVED;

    public boolean isOpen() {
        return this != RESOLVED;
    }

    /**
     * The states {@code state} may move to. Resolving needs a resolution ({@code resolve}) and
     * leaving RESOLVED goes through {@code reopen}, so neither is a plain move.
     */
    public Set<CaseState> next() {
        return switch (this) {
            case TRIAGE -> EnumSet.of(INVESTIGATING, MITIGATED);
            case INVESTIGATING -> EnumSet.of(TRIAGE, MITIGATED);
            case MITIGATED -> EnumSet.of(INVESTIGATING, MONITORING);
            case MONITORING -> EnumSet.of(INVESTIGATING, MITIGATED);
            case RESOLVED -> EnumSet.noneOf(CaseState.class);
        };
    }

    public boolean canMoveTo(CaseState target) {
        return next().contains(target);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CaseState> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.label().equals(text.strip().toLowerCase(Locale.ROOT))).findFirst();
    }
}
