package app.escalate.commands;

import java.util.Locale;

/** Where a case is in its lifecycle. */
public enum CaseState {
    TRIAGE, INVESTIGATING, MITIGATED, MONITORING, RESOLVED;

    public boolean isOpen() {
        return this != RESOLVED;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
