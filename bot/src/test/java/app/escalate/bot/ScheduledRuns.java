package app.escalate.bot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scheduled job's runs as bots' {@code /metrics} count them ({@link ScheduledRunMetrics}):
 * begun, and finished well or by throwing. Runs of one job never overlap, even across replicas
 * sharing a database, so a count of finished runs above the count begun at some moment means a
 * run begun after that moment has finished.
 */
record ScheduledRuns(long started, long ok, long failed) {
    static final ScheduledRuns NONE = new ScheduledRuns(0, 0, 0);
    private static final Pattern SAMPLE = Pattern.compile("(?m)^(escalate_scheduled_runs(?:_started)?_total)\\{([^}]*)}\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    /** {@code task}'s runs in one bot's Prometheus text; every task the bot schedules is there, at 0 before its first run. */
    static ScheduledRuns of(String task, String metrics) {
        Long started = null;
        long ok = 0;
        long failed = 0;
        Matcher sample = SAMPLE.matcher(metrics);
        while (sample.find()) {
            Map<String, String> labels = labels(sample.group(2));
            if (!task.equals(labels.get("task"))) continue;
            long value = (long) Double.parseDouble(sample.group(3));
            if (sample.group(1).equals("escalate_scheduled_runs_started_total")) started = value;
            else if ("ok".equals(labels.get("result"))) ok = value;
            else failed = value;
        }
        if (started == null) throw new AssertionError("no scheduled job named " + task + " on /metrics");
        return new ScheduledRuns(started, ok, failed);
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        Matcher label = LABEL.matcher(text);
        while (label.find()) labels.put(label.group(1), label.group(2));
        return labels;
    }

    ScheduledRuns plus(ScheduledRuns other) {
        return new ScheduledRuns(started + other.started, ok + other.ok, failed + other.failed);
    }

    long finished() {
        return ok + failed;
    }

    /** Nothing of this job is running (as far as these counts, read one after another, can tell). */
    boolean idle() {
        return finished() == started;
    }
}
