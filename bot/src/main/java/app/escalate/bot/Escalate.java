package app.escalate.bot;

import app.escalate.bot.llm.LangChainSummaryModel;
import app.escalate.bot.replay.Replay;
import app.escalate.bot.sandbox.SandboxClock;
import app.escalate.commands.triage.TriageModel;
import app.escalate.bot.slack.SetupCheck;
import app.escalate.config.BotSettings;
import app.escalate.config.Policy;
import app.escalate.config.PolicyLoader;
import app.escalate.config.SettingsException;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar escalate.jar [healthcheck | doctor | eval [--surface S] [--cases FILE] | eval export [--since Nd] … |
 * replay --policy FILE [--since 90d]]}: the only place that reads the environment.
 */
public final class Escalate {
    static final int BAD_SETTINGS = 2;
    static final int CANNOT_START = 1;

    private Escalate() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        if (args.length > 0 && "healthcheck".equals(args[0])) {
            System.exit(healthcheck(env));
        }
        if (args.length > 0 && "doctor".equals(args[0])) {
            System.exit(doctor(env, System.out, System.err));
        }
        if (args.length > 0 && "eval".equals(args[0])) {
            System.exit(eval(env, java.util.Arrays.asList(args).subList(1, args.length), System.out, System.err));
        }
        if (args.length > 0 && "replay".equals(args[0])) {
            System.exit(replay(env, java.util.Arrays.asList(args).subList(1, args.length), System.out, System.err));
        }
        if (args.length > 0) {
            System.err.println("escalate: unknown command \"" + args[0] + "\". Run with no arguments to start the bot, "
                    + "\"healthcheck\" to probe a running one, \"doctor\" to ask Slack whether the app is set up right, "
                    + "\"eval [--surface summary|rca|triage|similar] [--cases FILE]\" to score the AI surfaces over their fixtures, "
                    + "\"eval export [--since 30d] [--include-restricted] [--to DIR]\" to write tagged overrides as eval cases, "
                    + "or \"replay --policy FILE [--since 90d]\" to see what a new policy's triage would change on the stored cases.");
            System.exit(BAD_SETTINGS);
        }
        int status = run(env, System.err);
        if (status != 0) System.exit(status);
    }

    /** The settings the environment gives and the policy they name. */
    private record Configured(BotSettings settings, Policy policy) {
    }

    /** The settings and policy, or empty when either is wrong, which is said on {@code err} in one line. */
    private static Optional<Configured> configured(Map<String, String> env, PrintStream err) {
        try {
            BotSettings settings = BotSettings.fromEnv(env);
            return Optional.of(new Configured(settings, PolicyLoader.load(settings.policyFile())));
        } catch (SettingsException e) {
            err.println("escalate: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Asks Slack whether the bot, with this environment, can do its job: one "ok" line per check,
     * or one line per problem saying how to fix it. 0 when all is well, 1 with problems.
     */
    static int doctor(Map<String, String> env, PrintStream out, PrintStream err) throws Exception {
        Optional<Configured> configured = configured(env, err);
        if (configured.isEmpty()) return BAD_SETTINGS;
        BotSettings settings = configured.get().settings();
        Policy policy = configured.get().policy();
        if (settings.botToken().isEmpty()) {
            out.println("problem: SLACK_BOT_TOKEN is not set, so there is no Slack workspace to check (without it the bot starts "
                    + "the local sandbox). See Slack setup in README.md.");
            return 1;
        }
        SetupCheck.Report report;
        SlackConfig config = EscalateApp.slackConfig(settings);
        // The client's call statistics would ask auth.test once more, and print a stack trace when Slack is out of reach.
        config.setStatsEnabled(false);
        try (Slack slack = Slack.getInstance(config)) {
            report = EscalateApp.setupCheck(slack, settings, policy).run();
        }
        report.findings().forEach(f -> out.println((f.ok() ? "ok: " : "problem: ") + f.line()));
        return report.allOk() ? 0 : 1;
    }

    /** Scores the AI surfaces over their eval fixtures, the drafts and triage with the model the environment configures. */
    static int eval(Map<String, String> env, java.util.List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty() && args.get(0).equals("export")) return evalExport(env, args.subList(1, args.size()), out, err);
        return configured(env, err).map(c -> app.escalate.bot.eval.Eval.run(args, c.policy(), app.escalate.bot.eval.Eval.model(
                c.settings().llm()), out, err)).orElse(BAD_SETTINGS);
    }

    /** Writes the overrides people tagged, from the database {@code DATABASE_URL} names, as eval cases. */
    static int evalExport(Map<String, String> env, java.util.List<String> args, PrintStream out, PrintStream err) {
        Optional<Configured> configured = configured(env, err);
        if (configured.isEmpty()) return BAD_SETTINGS;
        try (app.escalate.storage.Database database = app.escalate.storage.Database.open(configured.get().settings().databaseUrl())) {
            return app.escalate.bot.eval.EvalExport.run(args, new app.escalate.storage.JdbiCaseStore(database.jdbi()), java.time.Clock.systemUTC(),
                    out, err);
        } catch (RuntimeException e) {
            err.println("escalate eval export: cannot read the database: " + e.getMessage());
            return CANNOT_START;
        }
    }

    /**
     * Triages the stored cases again under the policy {@code --policy} names and the current one, with the model the
     * environment configures, and prints what would change.
     */
    static int replay(Map<String, String> env, java.util.List<String> args, PrintStream out, PrintStream err) {
        Optional<Configured> configured = configured(env, err);
        if (configured.isEmpty()) return BAD_SETTINGS;
        BotSettings settings = configured.get().settings();
        Optional<LangChainSummaryModel> model = LangChainSummaryModel.from(settings.llm());
        try {
            return Replay.run(args, configured.get().policy(), settings.policyFile().map(p -> "ESCALATE_CONFIG (" + p + ")")
                    .orElse("the built-in example"), model.map(m -> (TriageModel) m), settings.databaseUrl(), Clock.systemUTC(), out, err);
        } catch (RuntimeException e) {
            err.println("escalate replay: " + rootCause(e));
            return CANNOT_START;
        } finally {
            model.ifPresent(LangChainSummaryModel::close);
        }
    }

    /** Starts the bot and blocks until the process is told to stop; returns an exit status otherwise. */
    static int run(Map<String, String> env, PrintStream err) throws Exception {
        Optional<Configured> configured = configured(env, err);
        if (configured.isEmpty()) return BAD_SETTINGS;
        BotSettings settings = configured.get().settings();
        Policy policy = configured.get().policy();
        EscalateApp app;
        try {
            if (settings.mode() == BotSettings.Mode.SANDBOX) {
                app = EscalateApp.startSandbox(settings, policy, new SandboxClock());
                err.println("escalate: no Slack credentials, so this is the local sandbox workspace: open http://localhost:" + app.port()
                        + "/ (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to connect to Slack; see README.md)");
            } else {
                app = EscalateApp.start(settings, policy, Clock.systemUTC());
            }
        } catch (Exception e) {
            err.println("escalate: could not start: " + rootCause(e));
            return CANNOT_START;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return 0;
    }

    /**
     * One line that says what failed and why: the outermost message someone wrote (not a wrapper's
     * copy of its cause), then the innermost one, e.g. "Port already in use. … (Address already in use)".
     */
    static String rootCause(Throwable e) {
        String outer = null;
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            boolean wrapperCopy = t.getCause() != null && t.getCause().toString().equals(t.getMessage());
            if (outer == null && t.getMessage() != null && !wrapperCopy) outer = t.getMessage();
            root = t;
        }
        String inner = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String line = outer == null || outer.equals(inner) ? inner : outer + " (" + inner + ")";
        return line.lines().findFirst().orElse(line);
    }

    /** For container health checks: 0 when this machine's bot answers {@code /healthz} with 200. */
    static int healthcheck(Map<String, String> env) {
        String port = env.getOrDefault("PORT", "3000");
        try {
            HttpResponse<Void> res = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                            .timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return res.statusCode() == 200 ? 0 : 1;
        } catch (Exception e) {
            return 1;
        }
    }
}
