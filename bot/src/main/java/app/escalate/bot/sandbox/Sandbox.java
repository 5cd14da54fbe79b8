package app.escalate.bot.sandbox;

import app.escalate.config.BotSettings;
import app.escalate.config.Policy;
import app.escalate.config.Secret;
import app.escalate.storage.JdbiSandboxWorkspace;
import io.javalin.config.JavalinConfig;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The local sandbox workspace: with no Slack credentials the bot starts with a Slack-like
 * workspace of its own, served on the same port. The bot is the real one, in HTTP mode, talking
 * to the workspace's Web API through {@code SLACK_API_URL}, and every command, click and form the
 * page sends reaches it signed, through {@code POST /slack/events}, as Slack's would.
 */
public final class Sandbox {

    private Sandbox() {
    }

    /**
     * What the bot runs with in the sandbox: settings pointing it at the workspace's Web API with a
     * fresh bot token and signing secret, the routes the page and that API add to its server, and
     * what to close when the bot stops (the writing down of the clock's moves).
     */
    public record Setup(BotSettings bot, Consumer<JavalinConfig> routes, AutoCloseable keeping) {
    }

    /**
     * The sandbox on {@code settings.port()} (a free one when 0), listening on localhost only, with
     * the workspace and clock {@code store} kept (as they were, when it kept them before); the bot starts it.
     */
    public static Setup prepare(BotSettings settings, Policy policy, SandboxClock clock, JdbiSandboxWorkspace store) throws IOException {
        int port = settings.port() == 0 ? freePort() : settings.port();
        SecureRandom random = new SecureRandom();
        String secret = HexFormat.of().formatHex(random.generateSeed(16));
        // Random, so that only the bot can call the workspace's Web API (see SandboxGuard).
        String botToken = "xoxb-sandbox-" + HexFormat.of().formatHex(random.generateSeed(16));
        URI api = URI.create("http://127.0.0.1:" + port + "/sandbox/api/");
        BotSettings bot = new BotSettings(Optional.of(new Secret(botToken)), Optional.of(new Secret(secret)), Optional.empty(), api, port,
                settings.databaseUrl(), settings.policyFile(), settings.llm(), settings.oncallFeedToken(), settings.managementPort(),
                settings.intakeSecrets());
        StoredWorkspace stored = new StoredWorkspace(store);
        StoredWorkspace.Restored restored = stored.restore(clock);
        // The policy's people, and its team and leadership channels with the bot in them (the policy may name more than last time).
        Workspace workspace = WorkspaceSeed.seed(restored.workspace(), policy, Optional.empty());
        if (!restored.wasSaved()) {
            workspace.channel(policy.workspace().teamChannel()).ifPresent(team ->
                    workspace.messageInChannel(team.id(), workspace.nextTs(), Workspace.BOT_USER, SandboxWelcome.text(policy)));
        }
        workspace.uploadBase("http://127.0.0.1:" + port + "/sandbox/upload/");
        SandboxRoutes routes = new SandboxRoutes(workspace, clock, secret, port, policy);
        SandboxGuard guard = new SandboxGuard(port, botToken);
        return new Setup(bot, config -> {
            config.jetty.host = "127.0.0.1";
            config.routes.before(guard::check);
            routes.register(config);
        }, stored.keep(clock));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
