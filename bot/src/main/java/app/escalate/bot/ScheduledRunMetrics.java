package app.escalate.bot;

import com.github.kagkarlsson.scheduler.CurrentlyExecuting;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How often each scheduled job ran on this replica: {@code escalate_scheduled_runs_started_total}
 * and {@code escalate_scheduled_runs_total} (finished, by result), per task. Summed over replicas,
 * a sweep whose finished runs stop growing is not running anywhere; started minus finished is the
 * run in progress (or stuck). Every known task has its series from the start, at 0; a task name
 * the scheduler meets and this replica does not know is not counted.
 */
final class ScheduledRunMetrics extends AbstractSchedulerListener {
    private final Map<String, Counter> started;
    private final Map<String, Counter> ok;
    private final Map<String, Counter> failed;

    ScheduledRunMetrics(MeterRegistry registry, Collection<String> tasks) {
        this.started = counters(tasks, task -> Counter.builder("escalate.scheduled.runs.started")
                .description("Runs of a scheduled job begun on this replica").tag("task", task).register(registry));
        this.ok = counters(tasks, task -> finished(registry, task, "ok"));
        this.failed = counters(tasks, task -> finished(registry, task, "failed"));
    }

    private static Counter finished(MeterRegistry registry, String task, String result) {
        return Counter.builder("escalate.scheduled.runs")
                .description("Runs of a scheduled job finished on this replica, and whether the job threw")
                .tag("task", task).tag("result", result).register(registry);
    }

    private static Map<String, Counter> counters(Collection<String> tasks, Function<String, Counter> counter) {
        return tasks.stream().distinct().collect(Collectors.toUnmodifiableMap(Function.identity(), counter));
    }

    @Override
    public void onExecutionStart(CurrentlyExecuting execution) {
        increment(started, execution.getTaskInstance().getTaskName());
    }

    /** Called by db-scheduler once the run's outcome is recorded (a recurring job's next run is scheduled). */
    @Override
    public void onExecutionComplete(ExecutionComplete complete) {
        boolean succeeded = complete.getResult() == ExecutionComplete.Result.OK;
        increment(succeeded ? ok : failed, complete.getExecution().getTaskName());
    }

    private static void increment(Map<String, Counter> counters, String task) {
        Counter counter = counters.get(task);
        if (counter != null) counter.increment();
    }
}
