package app.escalate.bench;

import org.openjdk.jmh.results.RunResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** BENCHMARKS.md from one run's figures: the targets first, then each benchmark with what it measures. */
record Report(LocalDate date, Duration took, List<AckBench.Row> ack, FootprintBench.Result footprint, TimelineBench.Result timeline,
              Collection<RunResult> digest, SearchBench.Result search, String findings) {
    private static final double P99_TARGET_MS = 50;
    private static final double NOTE_THROUGHPUT_TARGET = 0.7;
    private static final double START_UP_TARGET_S = 3;
    private static final double IDLE_RSS_TARGET_MB = 300;
    private static final double DIGEST_TARGET_MS = 500;

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("""
                # Benchmarks

                Speed and memory are measured here, not in unit tests. Absolute times drift from machine to
                machine and run to run, so each figure comes with a baseline measured in the same run and the
                ratio to it. This file is written by the benchmark command below; the last section is kept by hand.

                """);
        md.append(f("Run of %s on %s, load generator and servers on the same machine. It took %d min %d s.%n%n",
                date, machine(), took.toMinutes(), took.toSecondsPart()));
        md.append("```sh\n").append(RunAll.COMMAND).append("\n```\n\n");
        targets(md);
        ackSection(md);
        footprintSection(md);
        timelineSection(md);
        digestSection(md);
        md.append(SearchBench.markdown(search));
        md.append(findings);
        return md.toString();
    }

    private void targets(StringBuilder md) {
        md.append("## Targets\n\n| what | target | measured | |\n|---|---|---|---|\n");
        for (AckBench.Row r : ack) {
            md.append(f("| `/esc %s` p99 ack at %d requests/s | ≤ %.0f ms | %.1f ms | %s |%n", r.command(), RunAll.RATE, P99_TARGET_MS,
                    r.bot().p99Ms(), met(r.bot().p99Ms() <= P99_TARGET_MS)));
        }
        ack.stream().filter(r -> r.command().equals("note")).findFirst().ifPresent(r -> {
            double ratio = r.botSaturated().perSecond() / r.baselineSaturated().perSecond();
            md.append(f("| `/esc note` throughput against the baseline's | ≥ %.1f× | %.2f× (%.0f against %.0f requests/s) | %s |%n",
                    NOTE_THROUGHPUT_TARGET, ratio, r.botSaturated().perSecond(), r.baselineSaturated().perSecond(),
                    met(ratio >= NOTE_THROUGHPUT_TARGET)));
        });
        double restart = seconds(FootprintBench.Result.median(footprint.botRestarts()));
        md.append(f("| start-up to listening, on its database (a restart) | ≤ %.0f s | %.2f s (median of %d; the bare Bolt app: %.2f s) | %s |%n",
                START_UP_TARGET_S, restart, footprint.botRestarts().size(),
                seconds(FootprintBench.Result.median(footprint.baselineStarts())), met(restart <= START_UP_TARGET_S)));
        md.append(f("| resident memory at idle | ≤ %.0f MB | %.0f MB | %s |%n", IDLE_RSS_TARGET_MB, footprint.botIdleMB(),
                met(footprint.botIdleMB() <= IDLE_RSS_TARGET_MB)));
        score("readBuildAndRenderDigest").ifPresent(ms -> md.append(f("| handoff digest over 10,000 open cases, read from the database | ≤ %.0f ms | %.1f ms | %s |%n",
                DIGEST_TARGET_MS, ms, met(ms <= DIGEST_TARGET_MS))));
        md.append(SearchBench.targetRows(search));
        md.append('\n');
    }

    private void ackSection(StringBuilder md) {
        md.append("""
                ## Ack latency and throughput against a bare Bolt app

                What it measures: signed `/esc status ESC-1`, `/esc note` (in ESC-1's channel) and `/esc open`
                requests sent over HTTP to the bot's jar (H2 file database, outbox on, Slack's Web API answered on
                loopback by the sandbox workspace) and, in the same run, to a bare Bolt app on Javalin (the same
                library versions) whose `/esc` only acknowledges. At a fixed rate the load is open: each latency
                counts from when the request was due, so a stalled server cannot hide behind a slowed sender. At
                saturation 16 senders each send the next request as soon as the last is answered. A reply saying
                the database could not be reached counts as a failure, not an acknowledgement. CPU per request is
                the server process's user and system time during the fixed-rate run, divided by its requests; for
                the bot it includes the outbox worker delivering the Slack effects the requests caused.

                """);
        md.append(AckBench.table(ack, RunAll.RUN, RunAll.RATE)).append('\n');
    }

    private void footprintSection(StringBuilder md) {
        FootprintBench.Result r = footprint;
        md.append("""
                ## Start-up and memory

                What it measures: the time from starting the JVM to the first 200 from `/healthz` (the bot on a
                fresh H2 file database, which includes creating the schema, then on that database again, as a
                restart or deploy does), the resident set size (VmRSS) ten
                seconds after start, and the bot's after 10,000 `/esc open` requests (8 senders) and again after
                the outbox has spent 30 s delivering their Slack effects. Default JVM settings, as the README runs it.

                """);
        md.append("| | bot | bare Bolt baseline | ratio |\n|---|---|---|---|\n");
        Duration botStart = FootprintBench.Result.median(r.botStarts());
        Duration baseStart = FootprintBench.Result.median(r.baselineStarts());
        Duration botRestart = FootprintBench.Result.median(r.botRestarts());
        md.append(f("| start-up on a fresh database, median of %d (all runs) | %.2f s (%s) | %.2f s (%s) | %.1f× |%n", r.botStarts().size(),
                seconds(botStart), list(r.botStarts()), seconds(baseStart), list(r.baselineStarts()), seconds(botStart) / seconds(baseStart)));
        md.append(f("| start-up on its database (a restart), median of %d (all runs) | %.2f s (%s) | | %.1f× |%n", r.botRestarts().size(),
                seconds(botRestart), list(r.botRestarts()), seconds(botRestart) / seconds(baseStart)));
        md.append(f("| resident memory at idle | %.0f MB | %.0f MB | %.1f× |%n", r.botIdleMB(), r.baselineIdleMB(), r.botIdleMB() / r.baselineIdleMB()));
        md.append(f("| resident memory after %,d cases opened | %.0f MB | | |%n", r.casesOpened(), r.botAfterCasesMB()));
        md.append(f("| resident memory after 30 s more of delivering their Slack effects | %.0f MB | | |%n%n", r.botAfterDeliveryMB()));
        md.append(f("The %,d opens took %.1f s (%.0f per second, %d failed); they left %,d Slack effects (channels, invitations, cards, "
                        + "pins, confirmations) in the outbox, which then delivered %.0f per second to the loopback Slack.%n%n",
                r.opening().requests(), r.opening().requests() / r.opening().perSecond(), r.opening().perSecond(), r.opening().failures(),
                r.backlog(), r.effectsPerSecond()));
    }

    private void timelineSection(StringBuilder md) {
        TimelineBench.Result r = timeline;
        md.append("""
                ## `/esc status` with 1,000,000 timeline events stored

                What it measures: `/esc status ESC-1` against the bot's jar on an H2 file database holding a
                thousand cases and a million timeline events (a thousand per case, ESC-1's among them), and, as
                the baseline, on the same thousand cases with no events. One sender at a time after a warm-up,
                so the figures are the time to answer, not time spent queueing.

                """);
        md.append("| | p50 ms | p99 ms | p99.9 ms | requests |\n|---|---|---|---|---|\n");
        md.append(f("| 1,000,000 events | %.2f | %.2f | %.2f | %d |%n", r.withEvents().p50Ms(), r.withEvents().p99Ms(),
                r.withEvents().p999Ms(), r.withEvents().requests()));
        md.append(f("| no events (baseline) | %.2f | %.2f | %.2f | %d |%n", r.withoutEvents().p50Ms(), r.withoutEvents().p99Ms(),
                r.withoutEvents().p999Ms(), r.withoutEvents().requests()));
        md.append(f("| ratio | %.2f× | %.2f× | | |%n%n", r.withEvents().p50Ms() / r.withoutEvents().p50Ms(),
                r.withEvents().p99Ms() / r.withoutEvents().p99Ms()));
        md.append(f("Storing the million events took %.0f s.%n%n", seconds(r.fill())));
    }

    private void digestSection(StringBuilder md) {
        md.append("""
                ## Handoff digest over 10,000 open cases

                What it measures: building the handoff digest for 10,000 open cases (mixed severities and
                states, a third with an open task, one in seven waiting on stakeholders, one in fifty
                restricted, one in twenty on the watch list, and the shift's newly opened cases as its changes),
                rendering it as Block Kit and serialising the JSON Slack is sent; and the whole path the handoff
                sweep takes, reading every open case file from the database (H2, in memory) first. JMH, one
                fork, average time per operation; the baselines are sorting the 10,000 cases as `/esc status`
                does, and reading the open case rows only.

                """);
        Map<String, RunResult> byName = digest.stream().collect(Collectors.toMap(Report::name, x -> x, (a, b) -> a, TreeMap::new));
        md.append("| benchmark | ms per digest | ± (99.9 %) | baseline (same run) | ratio |\n|---|---|---|---|---|\n");
        for (String[] pair : new String[][]{{"buildDigest", "baselineSortOpenCases"}, {"buildAndRenderDigest", "baselineSortOpenCases"},
                {"readBuildAndRenderDigest", "baselineReadOpenCases"}}) {
            RunResult measured = byName.get(pair[0]);
            RunResult baseline = byName.get(pair[1]);
            if (measured == null || baseline == null) continue;
            double ms = measured.getPrimaryResult().getScore();
            double base = baseline.getPrimaryResult().getScore();
            md.append(f("| `%s` | %.1f | %.1f | `%s`, %.1f ms | %.1f× |%n", pair[0], ms, measured.getPrimaryResult().getScoreError(),
                    pair[1], base, ms / base));
        }
        md.append('\n');
    }

    private Optional<Double> score(String benchmark) {
        return digest.stream().filter(r -> name(r).equals(benchmark)).findFirst().map(r -> r.getPrimaryResult().getScore());
    }

    private static String name(RunResult r) {
        String full = r.getParams().getBenchmark();
        return full.substring(full.lastIndexOf('.') + 1);
    }

    private static String met(boolean met) {
        return met ? "met" : "**not met**";
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static String list(List<Duration> ds) {
        return ds.stream().map(d -> f("%.2f", seconds(d))).collect(Collectors.joining(", "));
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** Cores, memory, CPU model, OS and JVM of this machine. */
    static String machine() {
        String cpu = read("/proc/cpuinfo").lines().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        String memory = read("/proc/meminfo").lines().filter(l -> l.startsWith("MemTotal:")).findFirst()
                .map(l -> f("%.0f GB", Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024 / 1e9)).orElse("unknown memory");
        return f("%d cores (%s), %s, %s %s, %s %s", Runtime.getRuntime().availableProcessors(), cpu, memory,
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            return "";
        }
    }
}
