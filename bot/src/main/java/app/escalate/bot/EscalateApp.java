package app.escalate.bot;

import app.escalate.bot.intake.CallBacks;
import app.escalate.bot.paging.Pagers;
import app.escalate.bot.paging.SlackNames;
import app.escalate.commands.paging.ClimbPages;
import app.escalate.bot.intake.IntakeRoute;
import app.escalate.bot.jobs.JobRunner;
import app.escalate.bot.llm.LangChainSummaryModel;
import app.escalate.bot.outbox.CommandsFirst;
import app.escalate.bot.outbox.OutboxWorker;
import app.escalate.bot.render.OpenCaseForm;
import app.escalate.bot.render.ReplyRenderer;
import app.escalate.bot.sandbox.Sandbox;
import app.escalate.bot.sandbox.SandboxClock;
import app.escalate.bot.search.CaseSearch;
import app.escalate.bot.search.MiniLmEmbedder;
import app.escalate.bot.search.SearchIndexer;
import app.escalate.bot.search.SimilarCases;
import app.escalate.bot.slack.AccessLossEvents;
import app.escalate.bot.slack.AppManifest;
import app.escalate.bot.slack.CaseButtons;
import app.escalate.bot.slack.CaseIntake;
import app.escalate.bot.slack.DraftButtons;
import app.escalate.bot.slack.FailureTagButtons;
import app.escalate.bot.slack.EscSlashCommand;
import app.escalate.bot.slack.HandoffButtons;
import app.escalate.bot.slack.SwapButtons;
import app.escalate.bot.slack.OutageTolerantAuthorization;
import app.escalate.bot.slack.Forms;
import app.escalate.bot.slack.PinnedMessages;
import app.escalate.bot.slack.ZonedCommands;
import app.escalate.storage.JdbiCaseSearch;
import app.escalate.bot.slack.ReplayGuard;
import app.escalate.bot.slack.SetupCheck;
import app.escalate.bot.slack.SlackDelivery;
import app.escalate.bot.slack.SlackEventsRoute;
import app.escalate.bot.slack.SocketModeConnection;
import app.escalate.commands.Case;
import app.escalate.commands.ClockJumps;
import app.escalate.commands.RecordedJumps;
import app.escalate.commands.ChannelId;
import app.escalate.commands.handlers.CheckCoverage;
import app.escalate.commands.handlers.Domain;
import app.escalate.commands.handlers.EscCommands;
import app.escalate.commands.swap.Swaps;
import app.escalate.commands.handlers.EscalateUnacknowledged;
import app.escalate.commands.handlers.OpenCase;
import app.escalate.commands.handlers.RecordPinnedMessage;
import app.escalate.commands.handoff.HandoffWatch;
import app.escalate.commands.handoff.ShiftReminders;
import app.escalate.commands.intake.RaiseCase;
import app.escalate.commands.oncall.OnCall;
import app.escalate.commands.handlers.ShowFairness;
import app.escalate.storage.JdbiFairnessPosts;
import app.escalate.commands.sla.DeadlineWatch;
import app.escalate.commands.sla.PatternSignal;
import app.escalate.commands.sla.SlaWatch;
import app.escalate.commands.summary.Drafts;
import app.escalate.commands.summary.ExecUpdates;
import app.escalate.commands.summary.SummaryModel;
import app.escalate.commands.triage.TriageModel;
import app.escalate.commands.triage.Triager;
import app.escalate.config.BotSettings;
import app.escalate.config.Policy;
import app.escalate.config.Secret;
import app.escalate.storage.Database;
import app.escalate.storage.JdbiCaseStore;
import app.escalate.storage.JdbiDraftStore;
import app.escalate.storage.JdbiEventLog;
import app.escalate.storage.JdbiHandoffStore;
import app.escalate.storage.JdbiIntake;
import app.escalate.storage.JdbiOverrideStore;
import app.escalate.storage.JdbiSwapStore;
import app.escalate.storage.JdbiSandboxWorkspace;
import app.escalate.storage.JdbiShiftReminderStore;
import app.escalate.storage.JdbiSignedRequests;
import app.escalate.storage.Outbox;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The one place that wires Escalate together: database, Slack (HTTP or Socket Mode), the HTTP
 * server and the outbox worker. Parts are stopped in the reverse order they were started, also
 * when start-up fails half-way.
 */
public final class EscalateApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EscalateApp.class);
    static final Duration OUTBOX_POLL = Duration.ofMillis(500);
    /** Longest a request in flight is waited for on shutdown: Slack gives up on it after 3 s anyway. */
    static final Duration HTTP_STOP_TIMEOUT = Duration.ofSeconds(3);

    private final Deque<AutoCloseable> started;
    private final int port;
    private final OptionalInt managementPort;

    private EscalateApp(Deque<AutoCloseable> started, int port, OptionalInt managementPort) {
        this.started = started;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** Starts the bot with the local sandbox workspace (no Slack credentials), on localhost only. */
    public static EscalateApp startSandbox(BotSettings settings, Policy policy, SandboxClock clock) throws Exception {
        Database database = Database.open(settings.databaseUrl());
        Sandbox.Setup sandbox;
        try {
            // The workspace and its clock as they were kept in the database, before anything reads the clock.
            sandbox = Sandbox.prepare(settings, policy, clock, new JdbiSandboxWorkspace(database.jdbi()));
        } catch (Exception e) {
            database.close();
            throw e;
        }
        // The sandbox's workspace is set up by the bot itself: nothing to check.
        return start(sandbox.bot(), policy, clock, sandbox.routes(), false, database, sandbox.keeping());
    }

    /** Starts everything for a workspace with a bot token (HTTP or Socket Mode); returns when it is serving. */
    public static EscalateApp start(BotSettings settings, Policy policy, Clock clock) throws Exception {
        return start(settings, policy, clock, config -> {
        }, true, Database.open(settings.databaseUrl()), () -> {
        });
    }

    /**
     * As {@link #start(BotSettings, Policy, Clock)}, with more routes (and server settings) on the same HTTP server (the
     * sandbox's), and, when {@code checkSlackSetup}, the set-up check run in the background once the bot is up;
     * {@code database} is open, and closed with the bot, after {@code alsoClose}.
     */
    private static EscalateApp start(BotSettings settings, Policy policy, Clock clock, Consumer<JavalinConfig> extra,
                                     boolean checkSlackSetup, Database database, AutoCloseable alsoClose) throws Exception {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        started.push(database);
        started.push(alsoClose);
        try {
            String botToken = settings.botToken().map(Secret::value)
                    .orElseThrow(() -> new IllegalArgumentException("a bot token is required"));
            JdbiCaseStore cases = new JdbiCaseStore(database.jdbi());
            Outbox outbox = new Outbox(database.jdbi());
            JdbiIntake machineReports = new JdbiIntake(database.jdbi());
            Slack slack = slack(settings);
            PrometheusMeterRegistry metrics = Metrics.registry();

            AppConfig boltConfig = AppConfig.builder()
                    .slack(slack)
                    .singleTeamBotToken(botToken)
                    .signingSecret(settings.signingSecret().map(Secret::value).orElse(null))
                    .build();
            App bolt = new App(boltConfig, slack, OutageTolerantAuthorization.middleware(boltConfig));
            CommandsFirst commandsFirst = new CommandsFirst();
            bolt.use(commandsFirst.middleware());
            started.push(bolt::stop);
            // Asking Slack about a message's channel after the shortcut's ack; nothing that must survive a crash.
            ExecutorService background = Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "slack-reads");
                thread.setDaemon(true);
                return thread;
            });
            started.push(() -> {
                background.shutdown();
                background.awaitTermination(5, TimeUnit.SECONDS);
            });
            // Forms opened right after an ack have 3 s to reach Slack: this pool does nothing else.
            ExecutorService views = Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "slack-views");
                thread.setDaemon(true);
                return thread;
            });
            started.push(views::shutdownNow);
            JdbiHandoffStore handoffs = new JdbiHandoffStore(database.jdbi());
            JdbiShiftReminderStore shiftReminders = new JdbiShiftReminderStore(database.jdbi());
            JdbiDraftStore draftStore = new JdbiDraftStore(database.jdbi());
            JdbiOverrideStore overrides = new JdbiOverrideStore(database.jdbi());
            Domain domain = Domain.of(cases, overrides, handoffs, policy, clock);
            EscCommands commands = new EscCommands(cases, handoffs, draftStore, policy, clock, domain);
            Optional<LangChainSummaryModel> model = LangChainSummaryModel.from(settings.llm());
            model.ifPresent(started::push);
            Drafts drafts = new Drafts(cases, draftStore, policy, model.map(m -> (SummaryModel) m), domain.permissions(), clock);
            Metrics.cases(metrics, cases);
            Metrics.outbox(metrics, outbox);
            Forms forms = new Forms(views);
            CaseIntake intake = new CaseIntake(commands, new OpenCaseForm(policy),
                    channel -> ChannelId.parse(channel).flatMap(cases::findByChannel).map(Case::restricted).orElse(false), forms, background,
                    outbox, clock);
            intake.register(bolt);
            new CaseButtons(commands, cases, policy, outbox, forms, clock).register(bolt);
            new HandoffButtons(commands.handoffs(), outbox, clock).register(bolt);
            JdbiSwapStore swapStore = new JdbiSwapStore(database.jdbi());
            Swaps swaps = new Swaps(policy, domain.onCall(), swapStore, clock);
            new SwapButtons(swaps, outbox, clock).register(bolt);
            new DraftButtons(drafts, draftStore, outbox, forms, clock).register(bolt);
            new FailureTagButtons(commands, policy, outbox, clock).register(bolt);
            ReplyRenderer renderer = new ReplyRenderer(policy);
            SearchIndexer searchIndexer = new SearchIndexer(new JdbiCaseSearch(database.jdbi()), cases, policy, MiniLmEmbedder.loading(), clock);
            searchIndexer.start();
            started.push(searchIndexer);
            bolt.command("/esc", new EscSlashCommand(commands, renderer, metrics, intake, outbox, clock, new CaseSearch(searchIndexer, cases), policy));
            JdbiEventLog events = new JdbiEventLog(database.jdbi());
            PinnedMessages pins = new PinnedMessages(new RecordPinnedMessage(cases, clock), slack.methods(botToken), outbox, clock,
                    id -> events.firstTime(id, clock.instant()));
            pins.register(bolt);
            AccessLossEvents.register(bolt);

            Pagers pagers = new Pagers(policy, settings.pagerSecrets(), cases, new SlackNames(slack.methods(botToken)), Clock.systemUTC());
            pagers.missingSecrets().forEach(name -> log.warn("paging: {} is not set; pages by that pager wait until it is", name));
            // Two workers on one outbox: Slack calls, and jobs (a model's answer must not hold up a card update).
            OutboxWorker worker = new OutboxWorker(outbox, Outbox.Lane.SLACK, OutboxWorker.LEASE, new SlackDelivery(slack, botToken, cases, handoffs, shiftReminders, draftStore,
                    swapStore, policy, clock, settings.slackApiUrl(), machineReports::report), clock, OUTBOX_POLL, metrics, commandsFirst);
            Triager triager = new Triager(policy, model.map(m -> (TriageModel) m));
            JobRunner jobRunner = new JobRunner(triager, commands, cases, drafts, pins,
                    new ZonedCommands(commands, renderer, slack.methods(botToken), Optional.of(swaps)), policy, metrics,
                    new CallBacks(policy, settings.intakeSecrets(), machineReports, Clock.systemUTC()), new SimilarCases(searchIndexer, cases, policy),
                    pagers);
            OutboxWorker jobs = new OutboxWorker(outbox, Outbox.Lane.JOBS, OutboxWorker.LEASE, jobRunner, clock, OUTBOX_POLL, metrics, commandsFirst);
            // Pager calls on a worker of their own: a SEV1's trigger never waits behind a model's answer.
            OutboxWorker pagerCalls = new OutboxWorker(outbox, Outbox.Lane.PAGERS, OutboxWorker.LEASE, jobRunner, clock, OUTBOX_POLL, metrics,
                    commandsFirst);
            worker.start();
            started.push(worker);
            jobs.start();
            started.push(jobs);
            pagerCalls.start();
            started.push(pagerCalls);
            OnCall onCall = domain.onCall();
            // The sandbox's clock is moved by hand: what a move jumps over is due when it lands, not late.
            // Those made while it ran before a restart count too; a move while it is stopped is downtime.
            ClockJumps jumps = ClockJumps.NONE;
            if (clock instanceof SandboxClock sandboxClock) {
                RecordedJumps recorded = new RecordedJumps();
                sandboxClock.keptMoves().forEach(m -> recorded.jumped(m.from(), m.to()));
                started.push(sandboxClock.onJump(recorded::jumped));
                jumps = recorded;
            }
            Scheduler scheduler = ScheduledJobs.start(database, clock, outbox, metrics,
                    new EscalateUnacknowledged(cases, policy, onCall, clock), new ClimbPages(cases, policy, clock), new CheckCoverage(policy, onCall, clock),
                    new HandoffWatch(handoffs, domain.digests(), policy, onCall, clock, jumps),
                    new ExecUpdates(cases, draftStore, policy, clock), new SlaWatch(cases, policy, onCall, clock),
                    new DeadlineWatch(cases, policy, onCall, clock), new PatternSignal(cases, policy, clock), domain.reviewDates(),
                    new ShiftReminders(shiftReminders, domain.digests(), onCall, clock),
                    new ShowFairness(cases, onCall, policy, clock), new JdbiFairnessPosts(database.jdbi()), swaps);
            started.push(scheduler::stop);
            // In the sandbox, jobs a jump of the clock brought due run at once, not at the scheduler's next poll.
            if (clock instanceof SandboxClock sandboxClock) {
                started.push(sandboxClock.onAdvance(scheduler::triggerCheckForDueExecutions));
            }
            OnCallFeed feed = new OnCallFeed(onCall, settings.oncallFeedToken(), clock);
            // Replicas share only a PostgreSQL database; H2 is one process.
            boolean postgres = settings.databaseUrl().startsWith("jdbc:postgresql:");
            ReplayGuard replays = ReplayGuard.on(new JdbiSignedRequests(database.jdbi()), postgres, Clock.systemUTC());
            started.push(replays);
            AtomicReference<String> publicHost = new AtomicReference<>();
            SetupStatus setup = new SetupStatus();
            IntakeRoute machines = new IntakeRoute(policy, settings.intakeSecrets(), machineReports,
                    new RaiseCase(cases, machineReports, new OpenCase(cases, policy, domain.onCall(), clock), clock), clock, Clock.systemUTC());
            machines.reportMissingSecrets();
            Javalin http = http(settings, bolt, replays, machines, database, outbox, setup, metrics, feed,
                    extra.andThen(config -> publicHost.set(config.jetty.host)));
            started.push(http::stop);
            OptionalInt managementPort = OptionalInt.empty();
            if (settings.managementPort().isPresent()) {
                // On the same interface as the public port: the sandbox's listens on localhost only, so does this.
                Javalin m = management(settings.managementPort().getAsInt(), publicHost.get(), database, outbox, setup, metrics);
                started.push(m::stop);
                managementPort = OptionalInt.of(m.port());
            }
            if (settings.mode() == BotSettings.Mode.SOCKET) {
                SocketModeConnection socket = new SocketModeConnection(settings.appToken().orElseThrow().value(), bolt);
                socket.start();
                started.push(socket);
            }
            log.info("Escalate is up: {} mode, port {}, database {}", settings.mode(), http.port(),
                    postgres ? "PostgreSQL" : "H2");
            if (checkSlackSetup) {
                setup.check(() -> setupCheck(slack, settings, policy).run());
                started.push(setup);
            }
            return new EscalateApp(started, http.port(), managementPort);
        } catch (Exception e) {
            stop(started);
            throw e;
        }
    }

    private static Javalin http(BotSettings settings, App bolt, ReplayGuard replays, IntakeRoute machines, Database database, Outbox outbox, SetupStatus setup,
                                PrometheusMeterRegistry metrics, OnCallFeed feed, Consumer<JavalinConfig> extra) {
        SlackEventsRoute events = new SlackEventsRoute(bolt, replays, Clock.systemUTC());
        boolean httpMode = settings.mode() == BotSettings.Mode.HTTP;
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // On stop, refuse new connections but finish the requests in flight: a command whose case is
            // written gets its answer.
            config.jetty.modifyServer(server -> {
                server.setHandler(new GracefulHandler());
                server.setStopTimeout(HTTP_STOP_TIMEOUT.toMillis());
            });
            // In Socket Mode requests arrive over the socket; an HTTP door with no signing secret would be open to anyone.
            if (httpMode) config.routes.post("/slack/events", events);
            config.routes.post("/api/cases", machines);
            HealthRoute health = new HealthRoute(database, outbox, setup);
            if (settings.managementPort().isPresent()) {
                config.routes.get("/healthz", health.summary());
            } else {
                // Without a management port, the operator's view is for this machine only.
                config.routes.get("/healthz", health.detailsForManagement());
                config.routes.get("/metrics", ctx -> {
                    if (ManagementAccess.allowed(ctx)) scrape(ctx, metrics);
                    else ctx.status(404).result("Not Found");
                });
            }
            config.routes.get("/oncall/{file}", feed);
            extra.accept(config);
        }).start(settings.port());
    }

    /** {@code MANAGEMENT_PORT}: {@code /metrics} and {@code /healthz} with its details, for the operator's network only. */
    private static Javalin management(int port, String host, Database database, Outbox outbox, SetupStatus setup,
                                      PrometheusMeterRegistry metrics) {
        HealthRoute health = new HealthRoute(database, outbox, setup);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            if (host != null) config.jetty.host = host;
            config.routes.get("/healthz", health.details());
            config.routes.get("/metrics", ctx -> scrape(ctx, metrics));
        }).start(port);
    }

    private static void scrape(io.javalin.http.Context ctx, PrometheusMeterRegistry metrics) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }

    /** Slack's client, pointed at {@code SLACK_API_URL}, with timeouts well inside an outbox lease. */
    static Slack slack(BotSettings settings) {
        return Slack.getInstance(slackConfig(settings));
    }

    static SlackConfig slackConfig(BotSettings settings) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.slackApiUrl().toString());
        config.setHttpClientCallTimeoutMillis(10_000);
        config.setHttpClientReadTimeoutMillis(10_000);
        config.setPrettyResponseLoggingEnabled(false);
        return config;
    }

    /** The check of the app's set-up in Slack ({@code doctor}, and once after start-up) for this token and policy. */
    static SetupCheck setupCheck(Slack slack, BotSettings settings, Policy policy) {
        String token = settings.botToken().map(Secret::value).orElseThrow(() -> new IllegalArgumentException("a bot token is required"));
        return new SetupCheck(slack.methods(token), AppManifest.bundled(), policy.workspace());
    }

    public int port() {
        return port;
    }

    /** The port {@code /metrics} and the health details are served on, when {@code MANAGEMENT_PORT} is set. */
    public OptionalInt managementPort() {
        return managementPort;
    }

    /** Stops taking requests, lets the worker finish the effect in hand, then closes the database. */
    @Override
    public void close() {
        stop(started);
    }

    private static void stop(Deque<AutoCloseable> started) {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log.warn("stopping: {}", e.toString());
            }
        }
    }
}
