package app.escalate.bot.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.Optional;

/**
 * Slack's documented Block Kit limits, checked as Slack checks them: lengths in characters as
 * people count them (code points), the first part over a limit named by its JSON pointer, in the
 * words Slack answers with ({@code must be less than 3001 characters [json-pointer:/blocks/0/text/text]}).
 */
public final class BlockKitLimits {
    public static final int MESSAGE_TEXT = 40_000;
    public static final int MESSAGE_BLOCKS = 50;
    public static final int VIEW_BLOCKS = 100;
    public static final int SECTION_TEXT = 3_000;
    public static final int SECTION_FIELDS = 10;
    public static final int FIELD_TEXT = 2_000;
    public static final int HEADER_TEXT = 150;
    public static final int BUTTON_TEXT = 75;
    public static final int OPTION_TEXT = 75;
    public static final int OPTION_VALUE = 150;
    public static final int OPTIONS = 100;
    public static final int ID = 255;
    public static final int BUTTON_VALUE = 2_000;
    public static final int CONTEXT_ELEMENTS = 10;
    public static final int ACTIONS_ELEMENTS = 25;
    public static final int LABEL = 2_000;
    public static final int PLACEHOLDER = 150;
    public static final int URL = 3_000;
    public static final int VIEW_TITLE = 24;
    public static final int PRIVATE_METADATA = 3_000;

    /** What Slack would say of a payload: its error code, and the detail it gives in {@code response_metadata}. */
    public record Violation(String error, String detail) {
    }

    private BlockKitLimits() {
    }

    /** A message's text and blocks, as posted, updated, sent ephemerally or to a response URL. */
    public static Optional<Violation> message(String text, JsonElement blocks) {
        if (text != null && length(text) > MESSAGE_TEXT) return Optional.of(new Violation("msg_too_long", "text is too long"));
        if (blocks == null || blocks.isJsonNull()) return Optional.empty();
        return blocks(blocks, MESSAGE_BLOCKS, "/blocks").map(detail -> new Violation("invalid_blocks", detail));
    }

    /** A modal, as opened or updated. */
    public static Optional<Violation> view(JsonElement view) {
        if (view == null || !view.isJsonObject()) return Optional.of(new Violation("invalid_arguments", "view must be an object"));
        JsonObject v = view.getAsJsonObject();
        return first(text(v, "title", VIEW_TITLE, "/view"), text(v, "submit", VIEW_TITLE, "/view"), text(v, "close", VIEW_TITLE, "/view"),
                string(v, "private_metadata", PRIVATE_METADATA, "/view"), string(v, "callback_id", ID, "/view"),
                v.has("blocks") ? blocks(v.get("blocks"), VIEW_BLOCKS, "/view/blocks") : Optional.of("blocks is required [json-pointer:/view/blocks]"))
                .map(detail -> new Violation("invalid_arguments", detail));
    }

    /** Characters as Slack and people count them: an emoji is one, not the two UTF-16 units Java's length() counts. */
    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    private static Optional<String> blocks(JsonElement blocks, int max, String at) {
        if (!blocks.isJsonArray()) return Optional.of("must be an array [json-pointer:" + at + "]");
        JsonArray list = blocks.getAsJsonArray();
        if (list.size() > max) return Optional.of("no more than " + max + " items allowed [json-pointer:" + at + "]");
        for (int i = 0; i < list.size(); i++) {
            Optional<String> bad = block(list.get(i).getAsJsonObject(), at + "/" + i);
            if (bad.isPresent()) return bad;
        }
        return Optional.empty();
    }

    private static Optional<String> block(JsonObject b, String at) {
        Optional<String> id = string(b, "block_id", ID, at);
        if (id.isPresent()) return id;
        String type = b.has("type") ? b.get("type").getAsString() : "";
        return switch (type) {
            case "section" -> first(text(b, "text", SECTION_TEXT, at), fields(b, at), element(b, "accessory", at));
            case "header" -> text(b, "text", HEADER_TEXT, at);
            case "context" -> elements(b, CONTEXT_ELEMENTS, at);
            case "actions" -> elements(b, ACTIONS_ELEMENTS, at);
            case "input" -> first(text(b, "label", LABEL, at), text(b, "hint", LABEL, at), element(b, "element", at));
            case "image" -> first(string(b, "alt_text", LABEL, at), string(b, "image_url", URL, at));
            default -> Optional.empty();
        };
    }

    private static Optional<String> fields(JsonObject b, String at) {
        if (!b.has("fields")) return Optional.empty();
        JsonArray fields = b.getAsJsonArray("fields");
        if (fields.size() > SECTION_FIELDS) return Optional.of("no more than " + SECTION_FIELDS + " items allowed [json-pointer:" + at + "/fields]");
        for (int i = 0; i < fields.size(); i++) {
            Optional<String> bad = string(fields.get(i).getAsJsonObject(), "text", FIELD_TEXT, at + "/fields/" + i);
            if (bad.isPresent()) return bad;
        }
        return Optional.empty();
    }

    private static Optional<String> elements(JsonObject b, int max, String at) {
        if (!b.has("elements")) return Optional.empty();
        JsonArray elements = b.getAsJsonArray("elements");
        if (elements.size() > max) return Optional.of("no more than " + max + " items allowed [json-pointer:" + at + "/elements]");
        for (int i = 0; i < elements.size(); i++) {
            JsonObject e = elements.get(i).getAsJsonObject();
            String type = e.has("type") ? e.get("type").getAsString() : "";
            // A context's text elements are text objects, whose own limit is that of a field.
            Optional<String> bad = type.equals("mrkdwn") || type.equals("plain_text")
                    ? string(e, "text", FIELD_TEXT, at + "/elements/" + i) : element(e, at + "/elements/" + i);
            if (bad.isPresent()) return bad;
        }
        return Optional.empty();
    }

    private static Optional<String> element(JsonObject parent, String key, String at) {
        return parent.has(key) ? element(parent.getAsJsonObject(key), at + "/" + key) : Optional.empty();
    }

    private static Optional<String> element(JsonObject e, String at) {
        String type = e.has("type") ? e.get("type").getAsString() : "";
        Optional<String> common = first(string(e, "action_id", ID, at), text(e, "placeholder", PLACEHOLDER, at), string(e, "url", URL, at));
        if (common.isPresent()) return common;
        return switch (type) {
            case "button" -> first(text(e, "text", BUTTON_TEXT, at), string(e, "value", BUTTON_VALUE, at));
            case "static_select", "multi_static_select", "overflow", "radio_buttons", "checkboxes" -> options(e, at);
            case "image" -> string(e, "alt_text", LABEL, at);
            default -> Optional.empty();
        };
    }

    private static Optional<String> options(JsonObject e, String at) {
        if (!e.has("options")) return Optional.empty();
        JsonArray options = e.getAsJsonArray("options");
        if (options.size() > OPTIONS) return Optional.of("no more than " + OPTIONS + " items allowed [json-pointer:" + at + "/options]");
        for (int i = 0; i < options.size(); i++) {
            JsonObject o = options.get(i).getAsJsonObject();
            Optional<String> bad = first(text(o, "text", OPTION_TEXT, at + "/options/" + i), string(o, "value", OPTION_VALUE, at + "/options/" + i));
            if (bad.isPresent()) return bad;
        }
        return Optional.empty();
    }

    /** A text object's text under {@code key}: 1 to {@code max} characters. */
    private static Optional<String> text(JsonObject parent, String key, int max, String at) {
        if (!parent.has(key) || !parent.get(key).isJsonObject()) return Optional.empty();
        JsonObject text = parent.getAsJsonObject(key);
        if (!text.has("text") || text.get("text").getAsString().isEmpty()) {
            return Optional.of("must be more than 0 characters [json-pointer:" + at + "/" + key + "/text]");
        }
        return string(text, "text", max, at + "/" + key);
    }

    private static Optional<String> string(JsonObject parent, String key, int max, String at) {
        if (!parent.has(key) || !parent.get(key).isJsonPrimitive()) return Optional.empty();
        return length(parent.get(key).getAsString()) > max
                ? Optional.of("must be less than " + (max + 1) + " characters [json-pointer:" + at + "/" + key + "]") : Optional.empty();
    }

    @SafeVarargs
    private static Optional<String> first(Optional<String>... checks) {
        for (Optional<String> c : checks) if (c.isPresent()) return c;
        return Optional.empty();
    }
}
