package app.escalate.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Ack latency and throughput of {@code /esc status}, {@code /esc note} and {@code /esc open}: the
 * bot's jar (H2 file database, outbox on, Slack on loopback) against a bare Bolt app that only
 * acks, measured in the same run, at a fixed rate and at saturation. Prints a Markdown table.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar app.escalate.bench.AckBench [seconds per run] [rate] [status|note|open ...]}
 */
public final class AckBench {
    private static final int SENDERS = 16;

    private AckBench() {
    }

    /** One sub-command's figures: the bot's and the baseline's, at a fixed rate and at saturation. */
    record Row(String command, Load.Result bot, Load.Result baseline, Load.Result botSaturated, Load.Result baselineSaturated,
               double botCpuMs, double baselineCpuMs) {
    }

    public static void main(String[] args) throws Exception {
        Duration run = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 20);
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Set<String> only = args.length > 2 ? Set.of(Arrays.copyOfRange(args, 2, args.length)) : Set.of("status", "note", "open");
        System.out.print(table(measure(Path.of("."), run, rate, only), run, rate));
    }

    /** Starts both servers (the bot's jar found under {@code root}), measures each sub-command, and stops them. */
    static List<Row> measure(Path root, Duration run, int rate, Set<String> only) throws Exception {
        Path work = Files.createTempDirectory("escalate-bench");
        Path botJar = Servers.botJar(root);
        try (LoopbackSlack slack = new LoopbackSlack();
             ServerProcess baseline = Servers.baseline(slack, work.resolve("baseline.log"));
             ServerProcess bot = Servers.bot(botJar, slack, work.resolve("escalate"), work.resolve("bot.log"))) {
            String caseChannel = openFirstCase(bot, slack);
            List<Command> commands = new ArrayList<>();
            commands.add(new Command("status", i -> new SignedCommand(Servers.MARIA, "C0TEAM", "status ESC-1", slack.responseUrl())));
            commands.add(new Command("note", i -> new SignedCommand(Servers.MARIA, caseChannel, "note Benchmark note " + i, slack.responseUrl())));
            commands.add(new Command("open", i -> new SignedCommand(Servers.MARIA, "C0TEAM", "open Benchmark case " + i, slack.responseUrl())));
            commands.removeIf(c -> !only.contains(c.name()));
            System.err.printf("warm-up rounds: baseline %d, bot %d%n", Load.warmUp(baseline, commands), Load.warmUp(bot, commands));
            List<Row> rows = new ArrayList<>();
            for (Command c : commands) rows.add(row(c, bot, baseline, run, rate));
            return rows;
        }
    }

    private static Row row(Command command, ServerProcess bot, ServerProcess baseline, Duration run, int rate)
            throws InterruptedException, IOException {
        IntFunction<SignedCommand> request = command.request();
        long baselineCpu = baseline.cpuMillis();
        Load.Result baselineFixed = Load.fixedRate(baseline.events(), Servers.SECRET, request, rate, run);
        baselineCpu = baseline.cpuMillis() - baselineCpu;
        long botCpu = bot.cpuMillis();
        Load.Result botFixed = Load.fixedRate(bot.events(), Servers.SECRET, request, rate, run);
        botCpu = bot.cpuMillis() - botCpu;
        Load.Result baselineSaturated = Load.saturation(baseline.events(), Servers.SECRET, request, SENDERS, run.dividedBy(2));
        Load.Result botSaturated = Load.saturation(bot.events(), Servers.SECRET, request, SENDERS, run.dividedBy(2));
        return new Row(command.name(), botFixed, baselineFixed, botSaturated, baselineSaturated,
                (double) botCpu / botFixed.requests(), (double) baselineCpu / baselineFixed.requests());
    }

    /** Opens ESC-1, for status and notes, and returns its channel once the outbox has made it. */
    private static String openFirstCase(ServerProcess bot, LoopbackSlack slack) throws IOException, InterruptedException {
        HttpClient.newHttpClient().send(new SignedCommand(Servers.MARIA, "C0TEAM", "open Benchmark case zero sev2", slack.responseUrl())
                .to(bot.events(), Servers.SECRET), HttpResponse.BodyHandlers.discarding());
        for (int tries = 0; tries < 100; tries++) {
            var channel = slack.channel("esc-1-benchmark-case-zero");
            if (channel.isPresent()) return channel.get();
            Thread.sleep(100);
        }
        throw new IllegalStateException("ESC-1 got no channel");
    }

    static String table(List<Row> rows, Duration run, int rate) {
        StringBuilder md = new StringBuilder();
        md.append("| command | bot p50 / p99 / p99.9 ms at ").append(rate).append("/s | baseline p50 / p99 / p99.9 ms | p99 ratio | bot / baseline req/s at saturation (")
                .append(SENDERS).append(" senders) | throughput ratio | bot / baseline CPU ms per request | failures |\n|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append(String.format(Locale.ROOT, "| `/esc %s` | %.1f / %.1f / %.1f | %.1f / %.1f / %.1f | %.1f× | %.0f / %.0f | %.2f× | %.1f / %.1f | %d |%n",
                    r.command(), r.bot().p50Ms(), r.bot().p99Ms(), r.bot().p999Ms(),
                    r.baseline().p50Ms(), r.baseline().p99Ms(), r.baseline().p999Ms(), r.bot().p99Ms() / r.baseline().p99Ms(),
                    r.botSaturated().perSecond(), r.baselineSaturated().perSecond(),
                    r.botSaturated().perSecond() / r.baselineSaturated().perSecond(), r.botCpuMs(), r.baselineCpuMs(),
                    r.bot().failures() + r.botSaturated().failures()));
        }
        md.append("\nEach server is first warmed up with rounds of ").append(Load.WARM_UP_RUN.toSeconds())
                .append(" s of each command (4 senders) until its CPU time per request stops falling. Each fixed-rate run lasts ").append(run.toSeconds()).append(" s; each saturation run ")
                .append(run.dividedBy(2).toSeconds()).append(" s.\n");
        return md.toString();
    }
}
