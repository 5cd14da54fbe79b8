package app.escalate.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Ack latency and throughput of {@code /esc status}, {@code /esc note} and {@code /esc open}: the
 * bot's jar (H2 file database, outbox on, Slack on loopback) against a bare Bolt app that only
 * acks, measured in the same run, at a fixed rate and at saturation. Prints a Markdown table.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar app.escalate.bench.AckBench [seconds per run] [rate]}
 */
public final class AckBench {
    static final String TOKEN = "xoxb-bench-token";
    static final String SECRET = "bench-signing-secret";
    private static final String MARIA = "U0ESCMARIA";
    private static final int SENDERS = 16;

    private AckBench() {
    }

    /** One sub-command's figures: the bot's and the baseline's, at a fixed rate and at saturation. */
    record Row(String command, Load.Result bot, Load.Result baseline, Load.Result botSaturated, Load.Result baselineSaturated) {
    }

    public static void main(String[] args) throws Exception {
        Duration run = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 20);
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        System.out.print(table(measure(Path.of("."), run, rate), run, rate));
    }

    /** Starts both servers (the bot's jar found under {@code root}), measures each sub-command, and stops them. */
    static List<Row> measure(Path root, Duration run, int rate) throws Exception {
        Path work = Files.createTempDirectory("escalate-bench");
        Path botJar = root.resolve("bot/target/escalate.jar");
        if (!Files.exists(botJar)) throw new IllegalStateException("build first: mvn -B -q package -DskipTests (no " + botJar + ")");
        try (LoopbackSlack slack = new LoopbackSlack();
             ServerProcess baseline = ServerProcess.start(List.of("-cp", benchJar(), BareBoltApp.class.getName()),
                     Map.of("SLACK_BOT_TOKEN", TOKEN, "SLACK_SIGNING_SECRET", SECRET, "SLACK_API_URL", slack.apiUrl()), work.resolve("baseline.log"));
             ServerProcess bot = ServerProcess.start(List.of("-jar", botJar.toString()),
                     Map.of("SLACK_BOT_TOKEN", TOKEN, "SLACK_SIGNING_SECRET", SECRET, "SLACK_API_URL", slack.apiUrl(),
                             "DATABASE_URL", "jdbc:h2:file:" + work.resolve("escalate")), work.resolve("bot.log"))) {
            String caseChannel = openFirstCase(bot, slack);
            List<Row> rows = new ArrayList<>();
            rows.add(row("status", i -> new SignedCommand(MARIA, "C0TEAM", "status ESC-1", slack.responseUrl()), bot, baseline, run, rate));
            rows.add(row("note", i -> new SignedCommand(MARIA, caseChannel, "note Benchmark note " + i, slack.responseUrl()),
                    bot, baseline, run, rate));
            rows.add(row("open", i -> new SignedCommand(MARIA, "C0TEAM", "open Benchmark case " + i, slack.responseUrl()),
                    bot, baseline, run, rate));
            return rows;
        }
    }

    private static Row row(String name, IntFunction<SignedCommand> command, ServerProcess bot, ServerProcess baseline,
                           Duration run, int rate) throws InterruptedException {
        Duration warmUp = Duration.ofSeconds(5);
        Load.fixedRate(baseline.events(), SECRET, command, rate, warmUp);
        Load.fixedRate(bot.events(), SECRET, command, rate, warmUp);
        Load.Result baselineFixed = Load.fixedRate(baseline.events(), SECRET, command, rate, run);
        Load.Result botFixed = Load.fixedRate(bot.events(), SECRET, command, rate, run);
        Load.Result baselineSaturated = Load.saturation(baseline.events(), SECRET, command, SENDERS, run.dividedBy(2));
        Load.Result botSaturated = Load.saturation(bot.events(), SECRET, command, SENDERS, run.dividedBy(2));
        return new Row(name, botFixed, baselineFixed, botSaturated, baselineSaturated);
    }

    /** Opens ESC-1, for status and notes, and returns its channel once the outbox has made it. */
    private static String openFirstCase(ServerProcess bot, LoopbackSlack slack) throws IOException, InterruptedException {
        HttpClient.newHttpClient().send(new SignedCommand(MARIA, "C0TEAM", "open Benchmark case zero sev2", slack.responseUrl())
                .to(bot.events(), SECRET), HttpResponse.BodyHandlers.discarding());
        for (int tries = 0; tries < 100; tries++) {
            var channel = slack.channel("esc-1-benchmark-case-zero");
            if (channel.isPresent()) return channel.get();
            Thread.sleep(100);
        }
        throw new IllegalStateException("ESC-1 got no channel");
    }

    static String benchJar() throws URISyntaxException {
        return Path.of(AckBench.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    static String table(List<Row> rows, Duration run, int rate) {
        StringBuilder md = new StringBuilder();
        md.append("| command | bot p50 / p99 / p99.9 ms at ").append(rate).append("/s | baseline p50 / p99 / p99.9 ms | p99 ratio | bot / baseline req/s at saturation (")
                .append(SENDERS).append(" senders) | throughput ratio | failures |\n|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append(String.format(Locale.ROOT, "| `/esc %s` | %.1f / %.1f / %.1f | %.1f / %.1f / %.1f | %.1f× | %.0f / %.0f | %.2f× | %d |%n",
                    r.command(), r.bot().p50Ms(), r.bot().p99Ms(), r.bot().p999Ms(),
                    r.baseline().p50Ms(), r.baseline().p99Ms(), r.baseline().p999Ms(), r.bot().p99Ms() / r.baseline().p99Ms(),
                    r.botSaturated().perSecond(), r.baselineSaturated().perSecond(),
                    r.botSaturated().perSecond() / r.baselineSaturated().perSecond(),
                    r.bot().failures() + r.botSaturated().failures()));
        }
        md.append("\nEach fixed-rate run lasts ").append(run.toSeconds()).append(" s after a 5 s warm-up; each saturation run ")
                .append(run.dividedBy(2).toSeconds()).append(" s.\n");
        return md.toString();
    }
}
