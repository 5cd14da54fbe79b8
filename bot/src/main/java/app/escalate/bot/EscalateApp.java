package app.escalate.bot;

import app.escalate.bot.outbox.OutboxWorker;
import app.escalate.bot.render.OpenCaseForm;
import app.escalate.bot.render.ReplyRenderer;
import app.escalate.bot.slack.AccessLossEvents;
import app.escalate.bot.slack.CaseButtons;
import app.escalate.bot.slack.CaseIntake;
import app.escalate.bot.slack.PinnedMessages;
import app.escalate.bot.slack.EscSlashCommand;
import app.escalate.bot.slack.SlackDelivery;
import app.escalate.bot.slack.SlackEventsRoute;
import app.escalate.bot.slack.SocketModeConnection;
import app.escalate.commands.handlers.EscCommands;
import app.escalate.commands.handlers.RecordPinnedMessage;
import app.escalate.config.BotSettings;
import app.escalate.config.Policy;
import app.escalate.config.Secret;
import app.escalate.storage.Database;
import app.escalate.storage.JdbiCaseStore;
import app.escalate.storage.Outbox;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/** The one place that wires Escalate together: database, Slack, HTTP, Socket Mode and the outbox worker. */
public final class EscalateApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EscalateApp.class);
    static final Duration OUTBOX_POLL = Duration.ofMillis(500);

    private final Database database;
    private final OutboxWorker worker;
    private final App bolt;
    private final Javalin http;
    private final Optional<SocketModeConnection> socketMode;
    private final ExecutorService background;

    private EscalateApp(Database database, OutboxWorker worker, App bolt, Javalin http, Optional<SocketModeConnection> socketMode,
                        ExecutorService background) {
        this.background = background;
        this.database = database;
        this.worker = worker;
        this.bolt = bolt;
        this.http = http;
        this.socketMode = socketMode;
    }

    /** Starts everything for a workspace with a bot token (HTTP or Socket Mode); returns when it is serving. */
    public static EscalateApp start(BotSettings settings, Policy policy, Clock clock) throws Exception {
        String botToken = settings.botToken().map(Secret::value)
                .orElseThrow(() -> new IllegalArgumentException("a bot token is required"));
        Database database = Database.open(settings.databaseUrl());
        try {
            JdbiCaseStore cases = new JdbiCaseStore(database.jdbi());
            Outbox outbox = new Outbox(database.jdbi());
            Slack slack = slack(settings);
            PrometheusMeterRegistry metrics = metrics();

            OutboxWorker worker = new OutboxWorker(outbox, new SlackDelivery(slack, botToken, cases, policy), clock,
                    OUTBOX_POLL, metrics);
            App bolt = new App(AppConfig.builder()
                    .slack(slack)
                    .singleTeamBotToken(botToken)
                    .signingSecret(settings.signingSecret().map(Secret::value).orElse(null))
                    .authTestCacheEnabled(true)
                    .build());
            EscCommands commands = new EscCommands(cases, policy, clock);
            CaseIntake intake = new CaseIntake(commands, new OpenCaseForm(policy), worker::wake);
            intake.register(bolt);
            new CaseButtons(commands, outbox, worker::wake, clock).register(bolt);
            bolt.command("/esc", new EscSlashCommand(commands, new ReplyRenderer(policy), worker::wake, metrics, intake));
            AccessLossEvents.register(bolt);
            ExecutorService background = Executors.newFixedThreadPool(2, daemon("slack-events"));
            new PinnedMessages(new RecordPinnedMessage(cases, clock), slack.methods(botToken), background).register(bolt);

            SlackEventsRoute events = new SlackEventsRoute(bolt);
            Javalin http = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.routes.post("/slack/events", events);
                config.routes.get("/healthz", new HealthRoute(database, outbox));
                config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(metrics.scrape()));
            }).start(settings.port());

            Optional<SocketModeConnection> socketMode = settings.appToken()
                    .map(token -> new SocketModeConnection(token.value(), bolt));
            socketMode.ifPresent(SocketModeConnection::start);
            worker.start();
            log.info("Escalate is up: {} mode, port {}, database {}", settings.mode(), http.port(), databaseKind(settings));
            return new EscalateApp(database, worker, bolt, http, socketMode, background);
        } catch (Exception e) {
            database.close();
            throw e;
        }
    }

    /** Slack's client, pointed at {@code SLACK_API_URL}, with timeouts shorter than an outbox lease. */
    static Slack slack(BotSettings settings) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.slackApiUrl().toString());
        config.setHttpClientCallTimeoutMillis(10_000);
        config.setHttpClientReadTimeoutMillis(10_000);
        config.setPrettyResponseLoggingEnabled(false);
        return Slack.getInstance(config);
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static PrometheusMeterRegistry metrics() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }

    private static String databaseKind(BotSettings settings) {
        return settings.databaseUrl().startsWith("jdbc:postgresql:") ? "PostgreSQL" : "H2";
    }

    public int port() {
        return http.port();
    }

    /** Stops taking requests, lets the worker finish what it holds, and closes the database. */
    @Override
    public void close() {
        http.stop();
        socketMode.ifPresent(SocketModeConnection::close);
        try {
            worker.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        background.shutdown();
        try {
            background.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        bolt.stop();
        database.close();
    }
}
