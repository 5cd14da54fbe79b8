package app.escalate.bot;

import com.github.kagkarlsson.scheduler.CurrentlyExecuting;
import com.github.kagkarlsson.scheduler.HeartbeatConfig;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduledRunMetricsTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ScheduledRunMetrics metrics = new ScheduledRunMetrics(registry, List.of("sla-sweep", "handoff-sweep"));

    @Test
    void every_known_job_is_on_metrics_from_the_start_at_zero() {
        assertThat(registry.scrape()).contains(
                "escalate_scheduled_runs_started_total{task=\"sla-sweep\"} 0",
                "escalate_scheduled_runs_total{result=\"ok\",task=\"handoff-sweep\"} 0",
                "escalate_scheduled_runs_total{result=\"failed\",task=\"handoff-sweep\"} 0");
        assertThat(ScheduledRuns.of("sla-sweep", registry.scrape())).isEqualTo(ScheduledRuns.NONE);
    }

    @Test
    void runs_are_counted_when_begun_and_when_finished_by_result_and_job() {
        Execution sla = run("sla-sweep");
        metrics.onExecutionStart(executing(sla));
        assertThat(ScheduledRuns.of("sla-sweep", registry.scrape())).isEqualTo(new ScheduledRuns(1, 0, 0));

        metrics.onExecutionComplete(ExecutionComplete.success(sla, NOW, NOW.plusMillis(20)));
        Execution again = run("sla-sweep");
        metrics.onExecutionStart(executing(again));
        metrics.onExecutionComplete(ExecutionComplete.failure(again, NOW, NOW.plusMillis(20), new IllegalStateException("database down")));

        assertThat(ScheduledRuns.of("sla-sweep", registry.scrape())).isEqualTo(new ScheduledRuns(2, 1, 1));
        assertThat(ScheduledRuns.of("handoff-sweep", registry.scrape())).isEqualTo(ScheduledRuns.NONE);
    }

    @Test
    void a_job_this_replica_does_not_know_is_not_counted() {
        Execution old = run("a-job-since-removed");
        metrics.onExecutionStart(executing(old));
        metrics.onExecutionComplete(ExecutionComplete.success(old, NOW, NOW));

        assertThat(registry.scrape()).doesNotContain("a-job-since-removed");
    }

    private static Execution run(String task) {
        return new Execution(NOW, new TaskInstance<Void>(task, "recurring"));
    }

    private static CurrentlyExecuting executing(Execution execution) {
        return new CurrentlyExecuting(execution, () -> NOW, new HeartbeatConfig(Duration.ofSeconds(10), 6, Duration.ofMinutes(1)));
    }
}
