package app.escalate.bot.sandbox;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox page draws every emoji shortcode the bot sends as the emoji Slack shows, not as ":warning:". */
class SandboxEmojiTest {
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
    /** A shortcode in text: not part of a word or a URL such as jdbc:h2:file:, nor a time such as 00:15:. */
    private static final Pattern SHORTCODE = Pattern.compile("(?<![\\w:/]):([a-z][a-z0-9_+-]*):(?![\\w/])");

    @Test
    void every_shortcode_the_bot_sends_is_drawn_as_an_emoji() throws IOException {
        Set<String> sent = new TreeSet<>();
        for (Path sources : new Path[] {Path.of("src/main/java"), Path.of("../commands/src/main/java")}) {
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher literal = STRING.matcher(Files.readString(file));
                    while (literal.find()) {
                        Matcher code = SHORTCODE.matcher(literal.group());
                        while (code.find()) sent.add(code.group(1));
                    }
                }
            }
        }

        assertThat(sent).as("what the bot sends, read from its sources").contains("warning", "rotating_light", "hourglass", "lock", "robot_face");
        assertThat(emojiDrawnByThePage()).containsAll(sent).contains("pushpin");
    }

    private static Set<String> emojiDrawnByThePage() throws IOException {
        try (InputStream in = SandboxEmojiTest.class.getResourceAsStream("/sandbox/app.js")) {
            String page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String table = page.substring(page.indexOf("const EMOJI = {"), page.indexOf("};", page.indexOf("const EMOJI = {")));
            Set<String> names = new TreeSet<>();
            Matcher entry = Pattern.compile("\"?([a-z0-9_+-]+)\"?: \"").matcher(table);
            while (entry.find()) names.add(entry.group(1));
            return names;
        }
    }
}
