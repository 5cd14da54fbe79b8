package app.escalate.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up to listening, and resident memory at idle and after 10,000 cases: the bot's jar against
 * the bare Bolt app, measured in the same run. The bot starts on a fresh H2 file database (so
 * start-up includes creating the schema), then again on the same one, as a restart or deploy does.
 */
final class FootprintBench {
    static final int STARTS = 3;
    static final int CASES = 10_000;
    /** Long enough after start-up for the first background jobs to have run once. */
    private static final Duration SETTLE = Duration.ofSeconds(10);
    /** How long the outbox is watched delivering the cases' Slack effects. */
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    private FootprintBench() {
    }

    /**
     * What was measured. Start-up times are sorted. {@code effectsPerSecond}: Slack effects the
     * outbox delivered per second while the cases' backlog drained.
     */
    record Result(List<Duration> botStarts, List<Duration> botRestarts, List<Duration> baselineStarts, double botIdleMB, double baselineIdleMB,
                  long casesOpened, Load.Result opening, double botAfterCasesMB, long backlog, double effectsPerSecond,
                  double botAfterDeliveryMB) {
        static Duration median(List<Duration> sorted) {
            return sorted.get(sorted.size() / 2);
        }
    }

    /** Runs this part alone and prints its figures: {@code java -cp bench/target/benchmarks.jar app.escalate.bench.FootprintBench}. */
    public static void main(String[] args) throws Exception {
        System.out.println(measure(Servers.botJar(Path.of(".")), java.nio.file.Files.createTempDirectory("escalate-bench")));
    }

    static Result measure(Path botJar, Path work) throws Exception {
        try (LoopbackSlack slack = new LoopbackSlack()) {
            List<Duration> bot = new ArrayList<>();
            List<Duration> restarts = new ArrayList<>();
            List<Duration> baseline = new ArrayList<>();
            for (int i = 0; i < STARTS; i++) {
                try (ServerProcess p = Servers.baseline(slack, work.resolve("start-baseline-" + i + ".log"))) {
                    baseline.add(p.startUp());
                }
                try (ServerProcess p = Servers.bot(botJar, slack, work.resolve("start-" + i), work.resolve("start-bot-" + i + ".log"))) {
                    bot.add(p.startUp());
                }
                try (ServerProcess p = Servers.bot(botJar, slack, work.resolve("start-" + i), work.resolve("restart-bot-" + i + ".log"))) {
                    restarts.add(p.startUp());
                }
            }
            bot.sort(null);
            restarts.sort(null);
            baseline.sort(null);
            double baselineIdle;
            try (ServerProcess p = Servers.baseline(slack, work.resolve("idle-baseline.log"))) {
                Thread.sleep(SETTLE.toMillis());
                baselineIdle = p.residentMB();
            }
            try (ServerProcess p = Servers.bot(botJar, slack, work.resolve("memory"), work.resolve("memory-bot.log"))) {
                Thread.sleep(SETTLE.toMillis());
                double idle = p.residentMB();
                Load.Result opening = Load.send(p.events(), Servers.SECRET,
                        i -> new SignedCommand(Servers.MARIA, "C0TEAM", "open Footprint case " + i, slack.responseUrl()), 8, CASES);
                double afterCases = p.residentMB();
                long backlog = p.outboxBacklog();
                // Counted as delivered, not from the backlog: triage keeps adding effects while the backlog drains.
                long deliveredBefore = p.outboxDelivered();
                long started = System.nanoTime();
                Thread.sleep(DELIVERY.toMillis());
                long delivered = p.outboxDelivered() - deliveredBefore;
                double perSecond = delivered / ((System.nanoTime() - started) / 1e9);
                return new Result(bot, restarts, baseline, idle, baselineIdle, opening.requests() - opening.failures(), opening, afterCases,
                        backlog, perSecond, p.residentMB());
            }
        }
    }
}
