package app.escalate.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Starts the two servers every benchmark compares: the bot's jar and the bare Bolt baseline, both answered by one loopback Slack. */
final class Servers {
    static final String TOKEN = "xoxb-bench-token";
    static final String SECRET = "bench-signing-secret";
    /** Who sends the commands: a responder in the built-in policy, so every sub-command is hers to run. */
    static final String MARIA = "U0ESCMARIA";

    private Servers() {
    }

    /** The bot's jar under the project root, which must have been built. */
    static Path botJar(Path root) {
        Path jar = root.resolve("bot/target/escalate.jar");
        if (!Files.exists(jar)) throw new IllegalStateException("build first: mvn -B -q package -DskipTests (no " + jar + ")");
        return jar;
    }

    /** The bot on the H2 file database {@code database} (a path without the {@code .mv.db}). */
    static ServerProcess bot(Path jar, LoopbackSlack slack, Path database, Path log) throws IOException, InterruptedException {
        return ServerProcess.start(List.of("-jar", jar.toString()),
                Map.of("SLACK_BOT_TOKEN", TOKEN, "SLACK_SIGNING_SECRET", SECRET, "SLACK_API_URL", slack.apiUrl(),
                        "DATABASE_URL", "jdbc:h2:file:" + database), log);
    }

    static ServerProcess baseline(LoopbackSlack slack, Path log) throws IOException, InterruptedException {
        return ServerProcess.start(List.of("-cp", benchJar(), BareBoltApp.class.getName()),
                Map.of("SLACK_BOT_TOKEN", TOKEN, "SLACK_SIGNING_SECRET", SECRET, "SLACK_API_URL", slack.apiUrl()), log);
    }

    private static String benchJar() {
        try {
            return Path.of(Servers.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
