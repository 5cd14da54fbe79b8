package app.escalate.bot.sandbox;

import app.escalate.bot.slack.AppManifest;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bot token's scopes in the stand-in workspace, and the scope each Web API method needs, as
 * Slack checks them: a call whose scope was not granted is answered {@code missing_scope}, naming
 * the scope it needed and the ones the token has.
 */
final class Scopes {
    /** The bot scopes {@code manifest.yml} (the copy in the jar) asks for, in its order: what an install from it grants. */
    static final List<String> MANIFEST = AppManifest.bundled().botScopeNames();

    /** Methods whose scope does not depend on the conversation. Methods not named here need none (auth.test, views.*). */
    private static final Map<String, String> FIXED = Map.of(
            "chat.postMessage", "chat:write",
            "chat.update", "chat:write",
            "chat.postEphemeral", "chat:write",
            "pins.add", "pins:write",
            "users.info", "users:read",
            "conversations.open", "im:write",
            "files.getUploadURLExternal", "files:write",
            "files.completeUploadExternal", "files:write");

    /** What kind of conversation a call is about, for the methods whose scope depends on it. */
    enum Kind { PUBLIC, PRIVATE, DIRECT }

    private final Set<String> granted = new LinkedHashSet<>(MANIFEST);

    synchronized Set<String> granted() {
        return Set.copyOf(granted);
    }

    /** The granted scopes as Slack lists them, in its {@code X-OAuth-Scopes} header and a refusal's {@code provided}. */
    synchronized String header() {
        return String.join(",", granted);
    }

    synchronized void revoke(String scope) {
        granted.remove(scope);
    }

    /** Refuses a method that needs the same scope whatever it is called on, before anything else is looked at. */
    void requireFixed(String method) {
        if (FIXED.containsKey(method)) require(FIXED.get(method));
    }

    /** Refuses {@code method} on a conversation of {@code kind} without the scope it needs there. */
    void require(String method, Kind kind) {
        needed(method, kind).ifPresent(this::require);
    }

    /** Refuses {@code conversations.list} without the scope to read each of the {@code types} asked for. */
    void requireToList(String types) {
        Arrays.stream(types.split(",")).map(String::trim).map(type -> switch (type) {
            case "private_channel" -> "groups:read";
            case "im" -> "im:read";
            case "mpim" -> "mpim:read";
            default -> "channels:read";
        }).forEach(this::require);
    }

    /** As Slack refuses a token without the scope: which one was needed, and the ones the token has. */
    private synchronized void require(String scope) {
        if (!granted.contains(scope)) throw Refused.answering(Map.of("ok", false, "error", "missing_scope", "needed", scope, "provided", header()));
    }

    private static Optional<String> needed(String method, Kind kind) {
        if (FIXED.containsKey(method)) return Optional.of(FIXED.get(method));
        return Optional.ofNullable(switch (method) {
            case "conversations.create", "conversations.invite", "conversations.setTopic" -> switch (kind) {
                case PUBLIC -> "channels:manage";
                case PRIVATE -> "groups:write";
                case DIRECT -> "im:write";
            };
            case "conversations.history", "conversations.replies" -> switch (kind) {
                case PUBLIC -> "channels:history";
                case PRIVATE -> "groups:history";
                case DIRECT -> "im:history";
            };
            case "conversations.info" -> switch (kind) {
                case PUBLIC -> "channels:read";
                case PRIVATE -> "groups:read";
                case DIRECT -> "im:read";
            };
            default -> null;
        });
    }
}
