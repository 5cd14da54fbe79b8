package app.escalate.commands;

import java.util.List;

/** The sub-commands this bot understands, one line each, as {@code /esc help} shows them. */
public final class Usage {
    public static final List<String> LINES = List.of(
            "`/esc open <title> [sev1-4] [type:<case-type>]` open a case and its channel (default SEV3)",
            "`/esc status [ESC-<n>]` the case card here, or the open cases, most severe first",
            "`/esc help` this message");

    private Usage() {
    }
}
