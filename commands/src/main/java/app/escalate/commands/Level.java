package app.escalate.commands;

import java.util.Locale;

/** Who is paged first, and who next. */
public enum Level {
    PRIMARY, SECONDARY;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
