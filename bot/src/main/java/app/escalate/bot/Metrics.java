package app.escalate.bot;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The Prometheus registry behind {@code /metrics}, with the JVM's own gauges. */
final class Metrics {
    private Metrics() {
    }

    static PrometheusMeterRegistry registry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }

    /** The outbox: work waiting (Slack calls and jobs), and work given up on. */
    static void outbox(PrometheusMeterRegistry registry, app.escalate.storage.Outbox outbox) {
        io.micrometer.core.instrument.Gauge.builder("escalate.outbox.backlog", outbox, app.escalate.storage.Outbox::backlog)
                .description("Slack effects and jobs waiting to be done").register(registry);
        io.micrometer.core.instrument.Gauge.builder("escalate.outbox.failed", outbox, app.escalate.storage.Outbox::failedCount)
                .description("Slack effects and jobs given up on").register(registry);
        io.micrometer.core.instrument.Gauge.builder("escalate.cases.not.shown", outbox, app.escalate.storage.Outbox::refusedCaseCount)
                .description("Cases whose channel or card Slack refused for good (/healthz details name them)").register(registry);
    }

    /** The cases themselves: open cases by severity, and SLA breaches so far (read from the database at each scrape). */
    static void cases(PrometheusMeterRegistry registry, app.escalate.storage.JdbiCaseStore cases) {
        for (int level = 1; level <= 4; level++) {
            int severity = level;
            io.micrometer.core.instrument.Gauge.builder("escalate.cases.open", cases, c -> c.openAt(severity))
                    .description("Open cases").tag("severity", "SEV" + severity).register(registry);
        }
        // A gauge, not a counter: it is read from the database, and a scrape while the database is down must still answer.
        io.micrometer.core.instrument.Gauge.builder("escalate.sla.breaches", cases, c -> c.slaBreaches())
                .description("SLA clocks that ran out, over all cases (the same on every replica: take max, not sum)").register(registry);
    }
}
