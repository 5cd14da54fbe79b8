package app.escalate.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {
    private static Load.Result latency(double p50, double p99, double perSecond) {
        return new Load.Result(p50, p99, p99 * 1.5, perSecond, 0, 3000);
    }

    private final List<AckBench.Row> ack = List.of(
            new AckBench.Row("status", latency(5, 30, 200), latency(2, 10, 200), latency(8, 60, 700), latency(3, 12, 2400), 2.5, 0.7),
            new AckBench.Row("note", latency(9, 80, 200), latency(2, 10, 200), latency(20, 90, 480), latency(3, 12, 2400), 4.0, 0.7));
    private final FootprintBench.Result footprint = new FootprintBench.Result(
            List.of(Duration.ofMillis(1900), Duration.ofMillis(2100), Duration.ofMillis(3400)),
            List.of(Duration.ofMillis(1500), Duration.ofMillis(1600), Duration.ofMillis(3100)),
            List.of(Duration.ofMillis(700), Duration.ofMillis(800), Duration.ofMillis(900)),
            250, 120, 10_000, latency(20, 90, 250), 420, 61_000, 350, 440);
    private final TimelineBench.Result timeline = new TimelineBench.Result(latency(2.2, 6, 400), latency(2.0, 5, 450), Duration.ofSeconds(40));

    private final SearchBench.Result search = new SearchBench.Result(new SearchBench.Timing(6, 14, 600), new SearchBench.Timing(0.01, 0.05, 600),
            new SearchBench.Timing(30, 120, 1000), new SearchBench.Timing(2, 4, 1000), 60, new app.escalate.bot.search.RecallCheck.Result(300, 0.7, 0.95, 0.96));

    private String markdown() {
        return new Report(LocalDate.parse("2026-12-01"), Duration.ofMinutes(11), ack, footprint, timeline, List.of(), search,
                "## What the figures showed\n\nHand-kept.\n").markdown();
    }

    @Test
    void searchTargetsAndTheirBaselinesAreReported() {
        assertThat(markdown())
                .contains("| embedding one case (all-MiniLM-L6-v2, in process) p99 | ≤ 20 ms | 14.0 ms | met |")
                .contains("| similar-case lookup over 100,000 stored cases p99 | ≤ 100 ms | 120.0 ms | **not met** |")
                .contains("| same-cluster case in the top 3, 300 paraphrased reports | ≥ 90 % | 96.0 % (words alone: 70.0 %) | met |")
                .contains("| 300 queries | 70.0 % | 95.0 % | 96.0 % |");
    }

    @Test
    void theTargetsSayWhichAreMetAndWhichAreNot() {
        assertThat(markdown())
                .contains("| `/esc status` p99 ack at 200 requests/s | ≤ 50 ms | 30.0 ms | met |")
                .contains("| `/esc note` p99 ack at 200 requests/s | ≤ 50 ms | 80.0 ms | **not met** |")
                .contains("| `/esc note` throughput against the baseline's | ≥ 0.7× | 0.20× (480 against 2400 requests/s) | **not met** |")
                .contains("| start-up to listening, on its database (a restart) | ≤ 3 s | 1.60 s (median of 3; the bare Bolt app: 0.80 s) | met |")
                .contains("| resident memory at idle | ≤ 300 MB | 250 MB | met |");
    }

    @Test
    void theReportNamesItsCommandDateAndMachineAndEndsWithTheHandKeptFindings() {
        String md = markdown();
        assertThat(md).startsWith("# Benchmarks").contains("Run of 2026-12-01 on ").contains(RunAll.COMMAND)
                .contains(Runtime.getRuntime().availableProcessors() + " cores").endsWith("Hand-kept.\n");
        assertThat(md).contains("| 1,000,000 events | 2.20 | 6.00 |").contains("| ratio | 1.10× | 1.20× |");
        assertThat(md).contains("| start-up on a fresh database, median of 3 (all runs) | 2.10 s (1.90, 2.10, 3.40) | 0.80 s (0.70, 0.80, 0.90) | 2.6× |")
                .contains("| start-up on its database (a restart), median of 3 (all runs) | 1.60 s (1.50, 1.60, 3.10) | | 2.0× |");
    }
}
