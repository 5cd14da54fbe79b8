package app.escalate.commands.fields;

import app.escalate.commands.SlackText;
import app.escalate.commands.UserId;
import app.escalate.config.CaseField;
import app.escalate.config.CaseType;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a field takes, read from what someone typed (Slack's text, mentions and links as Slack
 * sends them) into the value a case keeps: text as written; a number in plain digits; a URL;
 * a choice as the policy spells it (several, comma-separated, in the policy's order); a time as
 * an ISO instant; a person as their user id.
 */
public final class FieldValue {
    public static final int MAX_TEXT = 500;
    public static final int MAX_LONG_TEXT = 3000;
    public static final int MAX_URL = 2000;

    private static final Pattern LINK = Pattern.compile("<(https?://[^|<>]+)(?:\\|[^<>]*)?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?|\\d+(\\.\\d+)?");
    private static final Pattern DATETIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2})\\s*(\\S+)?");

    private FieldValue() {
    }

    /** The value to keep, or why {@code typed} is not one. */
    public sealed interface Read {
    }

    public record Value(String value) implements Read {
    }

    public record Refused(String why) implements Read {
    }

    /** Reads {@code typed} (as Slack sent it) as a value of {@code field}. */
    public static Read read(CaseField field, String typed) {
        String raw = typed == null ? "" : typed.strip();
        if (raw.isEmpty()) return new Refused("Give `" + field.id() + "` a value: " + hint(field) + ".");
        return switch (field.kind()) {
            case TEXT -> text(field, SlackText.plain(raw).strip(), MAX_TEXT);
            case LONG_TEXT -> text(field, SlackText.plain(raw).strip(), MAX_LONG_TEXT);
            case NUMBER -> number(field, SlackText.plain(raw).strip());
            case URL -> url(field, raw);
            case CHOICE -> choice(field, SlackText.plain(raw).strip());
            case CHOICES -> choices(field, SlackText.plain(raw).strip());
            case DATETIME -> datetime(field, SlackText.plain(raw).strip());
            case USER -> user(field, raw);
        };
    }

    /**
     * What is wrong, in a sentence, with values sent for {@code type}'s fields as they are kept (a
     * form's, which arrive as their sender makes them): a field the type lacks, or a value its field
     * could not hold.
     */
    public static Optional<String> invalid(Optional<CaseType> type, Map<String, String> kept) {
        for (Map.Entry<String, String> e : kept.entrySet()) {
            Optional<CaseField> field = type.flatMap(t -> t.field(e.getKey()));
            if (field.isEmpty()) return Optional.of("`" + shortly(e.getKey()) + "` is not a field of this case's type.");
            if (!holds(field.get(), e.getValue())) return Optional.of(field.get().label() + ": " + hint(field.get()) + ", please.");
        }
        return Optional.empty();
    }

    /** Whether {@code value} is one {@code field} keeps (as {@link #read} makes them). */
    public static boolean holds(CaseField field, String value) {
        if (value == null || value.isBlank()) return false;
        return switch (field.kind()) {
            case TEXT -> SlackText.length(value) <= MAX_TEXT;
            case LONG_TEXT -> SlackText.length(value) <= MAX_LONG_TEXT;
            case NUMBER -> value.matches("\\d+(\\.\\d+)?") && value.length() <= 40;
            case URL -> url(field, value) instanceof Value v && v.value().equals(value);
            case CHOICE -> field.options().contains(value);
            case CHOICES -> choices(field, value) instanceof Value v && v.value().equals(value);
            case DATETIME -> instant(value).isPresent();
            case USER -> value.matches("[UW][A-Z0-9]{2,20}");
        };
    }

    private static Optional<Instant> instant(String value) {
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** What {@code field} takes, in a few words for a usage line: "a URL", "one of EU, UK, US, Other". */
    public static String hint(CaseField field) {
        return switch (field.kind()) {
            case TEXT -> "text";
            case LONG_TEXT -> "text, up to " + MAX_LONG_TEXT + " characters";
            case NUMBER -> "a number";
            case URL -> "a link starting https://";
            case CHOICE -> "one of " + String.join(", ", field.options());
            case CHOICES -> "any of " + String.join(", ", field.options()) + ", separated by commas";
            case DATETIME -> "a date, time and zone such as `2026-12-01 09:00 Europe/Brussels` or `… UTC`";
            case USER -> "a person, as @name";
        };
    }

    private static Read text(CaseField field, String text, int max) {
        if (text.isEmpty()) return new Refused("Give `" + field.id() + "` a value: " + hint(field) + ".");
        if (SlackText.length(text) > max) {
            return new Refused("`" + field.id() + "` holds at most " + max + " characters; this has " + SlackText.length(text) + ".");
        }
        return new Value(text);
    }

    private static Read number(CaseField field, String text) {
        String digits = text.replace("_", "");
        if (!NUMBER.matcher(digits).matches()) {
            return new Refused("`" + field.id() + "` is a number, such as 12000 or 12,000, not `" + shortly(text) + "`.");
        }
        return new Value(new BigDecimal(digits.replace(",", "")).stripTrailingZeros().toPlainString());
    }

    private static Read url(CaseField field, String raw) {
        Matcher link = LINK.matcher(raw);
        String text = link.matches() ? link.group(1).replace("&amp;", "&") : SlackText.plain(raw).strip();
        String refused = "`" + field.id() + "` is a link starting http:// or https://, not `" + shortly(text) + "`.";
        if (text.length() > MAX_URL) return new Refused("`" + field.id() + "` is a link of at most " + MAX_URL + " characters.");
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isBlank()) return new Refused(refused);
            return new Value(uri.toString());
        } catch (URISyntaxException e) {
            return new Refused(refused);
        }
    }

    private static Read choice(CaseField field, String text) {
        return option(field, text).<Read>map(Value::new)
                .orElseGet(() -> new Refused("`" + field.id() + "` is one of " + String.join(", ", field.options()) + "; `"
                        + shortly(text) + "` is not one of them."));
    }

    private static Read choices(CaseField field, String text) {
        List<String> chosen = new ArrayList<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) continue;
            Optional<String> option = option(field, part.strip());
            if (option.isEmpty()) {
                return new Refused("`" + field.id() + "` takes any of " + String.join(", ", field.options()) + "; `" + shortly(part.strip())
                        + "` is not one of them.");
            }
            chosen.add(option.get());
        }
        if (chosen.isEmpty()) return new Refused("Give `" + field.id() + "` a value: " + hint(field) + ".");
        return new Value(String.join(", ", field.options().stream().filter(chosen::contains).toList()));
    }

    private static Optional<String> option(CaseField field, String text) {
        return field.options().stream().filter(o -> o.equalsIgnoreCase(text)).findFirst();
    }

    private static Read datetime(CaseField field, String text) {
        Matcher m = DATETIME.matcher(text);
        if (!m.matches()) {
            return new Refused("`" + field.id() + "` is " + hint(field) + ", not `" + shortly(text) + "`.");
        }
        if (m.group(3) == null) {
            return new Refused("Say which time zone `" + m.group(1) + " " + m.group(2) + "` is in, e.g. `" + m.group(1) + " " + m.group(2)
                    + " Europe/Brussels` or `… UTC`: a request's time is the sender's.");
        }
        try {
            LocalDateTime local = LocalDateTime.parse(m.group(1) + "T" + m.group(2));
            ZoneId zone = zone(m.group(3));
            return new Value(local.atZone(zone).toInstant().toString());
        } catch (DateTimeParseException e) {
            return new Refused("That is not a real date and time: " + m.group(1) + " " + m.group(2) + ".");
        } catch (DateTimeException e) {
            return new Refused("`" + shortly(m.group(3)) + "` is not a time zone; try `UTC`, `+01:00` or a name such as `Europe/Brussels`.");
        }
    }

    private static ZoneId zone(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.equals("UTC") || upper.equals("Z") || upper.equals("GMT")) return ZoneOffset.UTC;
        return ZoneId.of(text);
    }

    private static Read user(CaseField field, String raw) {
        List<UserId> mentioned = SlackText.mentionedUsers(raw);
        if (mentioned.size() != 1 || !raw.matches("<@[^>]+>")) {
            return new Refused("`" + field.id() + "` is one person, named with @, such as `@maria`.");
        }
        return new Value(mentioned.get(0).value());
    }

    /** What someone typed, cut short for a refusal. */
    private static String shortly(String text) {
        return SlackText.clip(text.replace("`", "'"), 40);
    }
}
