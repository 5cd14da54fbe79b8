package app.escalate.bot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code manifest.yml} (the file people create the Slack app from, copied into the jar at
 * build time) asks of Slack: the bot scopes, each with what it is for, as the manifest's comment
 * beside it says. One source of truth for the app's set-up and for the check of it.
 */
public record AppManifest(List<Scope> botScopes) {
    /** Where the build puts the repository's {@code manifest.yml}. */
    static final String BUNDLED = "/slack/manifest.yml";
    /** A list item with a comment: {@code - chat:write   # case cards, …}. */
    private static final Pattern COMMENTED_ITEM = Pattern.compile("^\\s*-\\s*(\\S+)\\s+#\\s*(.+?)\\s*$");

    /** A bot scope, and what the bot needs it for (empty when the manifest does not say). */
    public record Scope(String name, String purpose) {
    }

    public AppManifest {
        botScopes = List.copyOf(botScopes);
    }

    /** The manifest this jar was built with. */
    public static AppManifest bundled() {
        try (InputStream in = AppManifest.class.getResourceAsStream(BUNDLED)) {
            if (in == null) throw new IllegalStateException(BUNDLED + " is missing from the jar: the build copies manifest.yml there");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manifest's {@code oauth_config.scopes.bot}, with the comment on each one's line. */
    static AppManifest parse(String yaml) {
        JsonNode bot;
        try {
            bot = new ObjectMapper(new YAMLFactory()).readTree(yaml).path("oauth_config").path("scopes").path("bot");
        } catch (IOException e) {
            throw new IllegalArgumentException("manifest.yml is not YAML: " + e.getMessage(), e);
        }
        if (!bot.isArray()) throw new IllegalArgumentException("manifest.yml has no oauth_config.scopes.bot list");
        List<Scope> scopes = new ArrayList<>();
        // YAML parsers drop comments, so each scope's purpose is read from its own line.
        List<String> lines = yaml.lines().toList();
        bot.forEach(node -> scopes.add(new Scope(node.asText(), purpose(lines, node.asText()))));
        return new AppManifest(scopes);
    }

    /** The scope names alone, in the manifest's order. */
    public List<String> botScopeNames() {
        return botScopes.stream().map(Scope::name).toList();
    }

    private static String purpose(List<String> lines, String scope) {
        for (String line : lines) {
            Matcher m = COMMENTED_ITEM.matcher(line);
            if (m.matches() && m.group(1).equals(scope)) return m.group(2);
        }
        return "";
    }
}
