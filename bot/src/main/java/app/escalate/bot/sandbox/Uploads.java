package app.escalate.bot.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Files uploaded as Slack takes them now: the bot asks for an upload URL
 * ({@code files.getUploadURLExternal}), sends the bytes there, then shares the file in a channel
 * ({@code files.completeUploadExternal}), which shows as a message with the image (or, for a text file, its first lines). Not
 * thread-safe: {@link Workspace} holds its lock around every use.
 */
final class Uploads {
    /** By file id; empty until the bytes arrive at the upload URL. */
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final WorkspaceJournal journal;
    /** Where upload URLs point: the server's {@code …/upload/} path. */
    private String base = "http://127.0.0.1/upload/";

    Uploads(WorkspaceJournal journal) {
        this.journal = journal;
    }

    void base(String uploadBase) {
        base = uploadBase;
    }

    /** A new file, not yet uploaded, and where its bytes go. */
    Map<String, Object> newUpload(String id) {
        files.put(id, new byte[0]);
        return Map.of("ok", true, "upload_url", base + id, "file_id", id);
    }

    /** The bytes sent to the upload URL of {@code id}; false for a file id this workspace never gave out. */
    boolean uploaded(String id, byte[] bytes) {
        if (!files.containsKey(id)) return false;
        files.put(id, bytes);
        journal.file(id, bytes);
        return true;
    }

    /** A file kept from before (a restart), as it was uploaded. */
    void restore(String id, byte[] bytes) {
        files.put(id, bytes);
    }

    Optional<byte[]> file(String id) {
        return Optional.ofNullable(files.get(id));
    }

    List<String> ids() {
        return List.copyOf(files.keySet());
    }

    /**
     * The blocks of the message sharing the file {@code files.completeUploadExternal} names (its
     * comment, then the image); Slack's {@code file_not_found} when nothing was uploaded for it.
     */
    JsonArray shared(Map<String, String> p) {
        String id = field(p, "id");
        if (!files.containsKey(id) || files.get(id).length == 0) throw Refused.with("file_not_found");
        JsonObject comment = new JsonObject();
        comment.addProperty("type", "section");
        JsonObject text = new JsonObject();
        text.addProperty("type", "mrkdwn");
        text.addProperty("text", p.getOrDefault("initial_comment", title(p)));
        comment.add("text", text);
        JsonArray blocks = new JsonArray();
        blocks.add(comment);
        blocks.add(isPng(files.get(id)) ? image(id, title(p)) : preview(title(p), files.get(id)));
        return blocks;
    }

    static boolean isPng(byte[] bytes) {
        return bytes.length > 8 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G';
    }

    private static JsonObject image(String id, String title) {
        JsonObject image = new JsonObject();
        image.addProperty("type", "image");
        image.addProperty("image_url", "/sandbox/files/" + id);
        image.addProperty("alt_text", title);
        return image;
    }

    /** A text file (a CSV) as Slack previews a snippet: its title, then its first lines as code. */
    private static JsonObject preview(String title, byte[] bytes) {
        String content = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replace("```", "'''");
        if (content.length() > 2_800) content = content.substring(0, 2_800) + "\n…";
        JsonObject section = new JsonObject();
        section.addProperty("type", "section");
        JsonObject text = new JsonObject();
        text.addProperty("type", "mrkdwn");
        text.addProperty("text", ":memo: *" + title + "*\n```" + content + "```");
        section.add("text", text);
        return section;
    }

    /** The title of the (first) file {@code files.completeUploadExternal} names. */
    static String title(Map<String, String> p) {
        return field(p, "title");
    }

    static String id(Map<String, String> p) {
        return field(p, "id");
    }

    private static String field(Map<String, String> p, String name) {
        JsonElement list = p.get("files") == null || p.get("files").isBlank() ? null : JsonParser.parseString(p.get("files"));
        if (list == null || list.getAsJsonArray().isEmpty()) return "";
        JsonObject file = list.getAsJsonArray().get(0).getAsJsonObject();
        return file.has(name) ? file.get(name).getAsString() : "";
    }
}
