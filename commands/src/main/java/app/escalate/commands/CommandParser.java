package app.escalate.commands;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads the text after {@code /esc} into an {@link EscCommand}; never throws on user input. */
public final class CommandParser {
    public static final int MAX_TITLE_LENGTH = 150;

    private CommandParser() {
    }

    /** Sub-commands this parser knows; anything else reads as {@link EscCommand.Invalid}. */
    public static final List<String> SUB_COMMANDS = List.of("open", "status", "help");

    /** The sub-command {@code text} asks for, or {@code "unknown"}: a bounded label for metrics and logs. */
    public static String subCommand(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) return "help";
        String verb = trimmed.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        return SUB_COMMANDS.contains(verb) ? verb : "unknown";
    }

    public static EscCommand parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) return new EscCommand.Help();
        String[] parts = trimmed.split("\\s+", 2);
        String verb = parts[0].toLowerCase(Locale.ROOT);
        String rest = parts.length > 1 ? parts[1] : "";
        return switch (verb) {
            case "help" -> new EscCommand.Help();
            case "open" -> open(rest);
            case "status" -> status(rest);
            default -> new EscCommand.Invalid("I don't know `" + abbreviate(SlackText.plain(parts[0])) + "`.");
        };
    }

    /** {@code <title> [sev1-4] [type:<id>]}: options may stand before or after the title. */
    private static EscCommand open(String rest) {
        List<String> tokens = new ArrayList<>(Arrays.asList(rest.strip().split("\\s+")));
        tokens.removeIf(String::isEmpty);
        Optional<Severity> severity = Optional.empty();
        Optional<String> type = Optional.empty();
        List<String> options = new ArrayList<>();
        while (!tokens.isEmpty() && isOption(tokens.get(0))) options.add(tokens.remove(0));
        while (!tokens.isEmpty() && isOption(tokens.get(tokens.size() - 1))) options.add(tokens.remove(tokens.size() - 1));
        for (String option : options) {
            String lower = option.toLowerCase(Locale.ROOT);
            if (lower.startsWith("type:")) {
                if (type.isPresent()) return new EscCommand.Invalid("Give one `type:` only.");
                String id = lower.substring("type:".length());
                if (id.isEmpty()) return new EscCommand.Invalid("`type:` needs a case type, e.g. `type:deepfake`.");
                type = Optional.of(id);
            } else {
                if (severity.isPresent()) return new EscCommand.Invalid("Give one severity only.");
                Optional<Severity> parsed = Severity.parse(lower);
                if (parsed.isEmpty()) return new EscCommand.Invalid("Severity is `sev1` to `sev4`, not `" + abbreviate(SlackText.plain(option)) + "`.");
                severity = parsed;
            }
        }
        String title = SlackText.plain(String.join(" ", tokens)).strip();
        if (title.isEmpty()) return new EscCommand.Invalid("`/esc open` needs a title.");
        if (title.length() > MAX_TITLE_LENGTH) {
            return new EscCommand.Invalid("A title is at most " + MAX_TITLE_LENGTH + " characters; this one has "
                    + title.length() + ". Put the details in a note.");
        }
        return new EscCommand.Open(title, severity, type);
    }

    private static boolean isOption(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        return lower.startsWith("type:") || lower.matches("sev\\d+");
    }

    private static EscCommand status(String rest) {
        String arg = rest.strip();
        if (arg.isEmpty()) return new EscCommand.Status(Optional.empty());
        Optional<CaseId> id = CaseId.parse(arg);
        if (id.isPresent()) return new EscCommand.Status(id);
        return new EscCommand.Invalid("`status` takes a case id such as `ESC-12`, or nothing.");
    }

    private static String abbreviate(String token) {
        return token.length() <= 30 ? token : token.substring(0, 30) + "…";
    }
}
