package app.escalate.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Runs every benchmark and writes BENCHMARKS.md: ack latency and throughput against a bare Bolt
 * app, start-up and memory, {@code /esc status} over a million timeline events, and the handoff
 * digest over 10,000 open cases, search and similar cases. From the project's root, after {@code mvn -B -q package -DskipTests}:
 *
 * <p>{@code java -cp bench/target/benchmarks.jar app.escalate.bench.RunAll [BENCHMARKS.md]}
 */
public final class RunAll {
    static final String COMMAND = "mvn -B -q package -DskipTests && java -cp bench/target/benchmarks.jar app.escalate.bench.RunAll";
    static final int RATE = 200;
    static final Duration RUN = Duration.ofSeconds(10);

    private RunAll() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "BENCHMARKS.md");
        Path root = Path.of(".");
        Path botJar = Servers.botJar(root);
        Path work = Files.createTempDirectory("escalate-bench");
        long began = System.nanoTime();
        say("ack latency and throughput");
        List<AckBench.Row> ack = AckBench.measure(root, RUN, RATE, Set.of("status", "note", "open"));
        say("start-up and memory");
        FootprintBench.Result footprint = FootprintBench.measure(botJar, work);
        say("status over a million timeline events");
        TimelineBench.Result timeline = TimelineBench.measure(botJar, work);
        say("handoff digest (JMH)");
        // Shorter iterations than DigestBench's own, so that the whole command stays within 15 minutes.
        Collection<RunResult> digest = new Runner(new OptionsBuilder().include(DigestBench.class.getSimpleName())
                .warmupIterations(3).warmupTime(TimeValue.seconds(1)).measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .build()).run();
        say("search and similar cases");
        SearchBench.Result search = SearchBench.measure(root);
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        String report = new Report(LocalDate.now(ZoneOffset.UTC), took, ack, footprint, timeline, digest, search, findings()).markdown();
        Files.writeString(out, report, StandardCharsets.UTF_8);
        say("wrote " + out.toAbsolutePath().normalize() + " in " + took.toMinutes() + " min " + took.toSecondsPart() + " s");
    }

    /** The hand-written account of what the figures showed and what was changed, kept beside the code. */
    private static String findings() throws IOException {
        try (InputStream in = RunAll.class.getResourceAsStream("/findings.md")) {
            if (in == null) throw new IllegalStateException("findings.md is missing from the benchmarks jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void say(String what) {
        System.err.println("== " + what);
    }
}
