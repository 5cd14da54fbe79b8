package app.escalate.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One severity's SLA clocks, measured from the case's open time; {@code resolve} may be absent.
 * {@code execUpdate}, when set, is how often leadership expects an executive summary while the
 * case is open: the bot reminds the case channel when one is due.
 */
public record SeverityPolicy(String label, Duration ack, Duration mitigate, Duration resolve, Duration execUpdate,
                             @com.fasterxml.jackson.annotation.JsonProperty("warn_at") List<Double> warnAt) {
    /** Warn when three quarters of a clock has run, unless the policy says otherwise. */
    public static final List<Double> DEFAULT_WARN_AT = List.of(0.75);

    public SeverityPolicy(String label, Duration ack, Duration mitigate, Duration resolve) {
        this(label, ack, mitigate, resolve, null, null);
    }

    public SeverityPolicy {
        warnAt = warnAt == null ? DEFAULT_WARN_AT : warnAt.stream().sorted().toList();
        for (int i = 0; i < warnAt.size(); i++) {
            double f = warnAt.get(i);
            if (!(f > 0 && f < 1)) throw new IllegalArgumentException("warn_at: fractions between 0 and 1, such as 0.75, got " + f);
            if (i > 0 && Math.round(f * 100) == Math.round(warnAt.get(i - 1) * 100)) {
                throw new IllegalArgumentException("warn_at: " + f + " is the same percentage as " + warnAt.get(i - 1));
            }
        }
        if (label == null || label.isBlank()) throw new IllegalArgumentException("label: missing");
        if (ack == null) throw new IllegalArgumentException("ack: missing");
        if (mitigate == null) throw new IllegalArgumentException("mitigate: missing");
        if (execUpdate != null && execUpdate.compareTo(Duration.ofMinutes(5)) < 0) {
            throw new IllegalArgumentException("exec_update: at least 5m");
        }
        if (ack.compareTo(mitigate) > 0) throw new IllegalArgumentException("ack: must not be longer than mitigate");
        if (resolve != null && mitigate.compareTo(resolve) > 0) {
            throw new IllegalArgumentException("mitigate: must not be longer than resolve");
        }
    }

    public Optional<Duration> execUpdateEvery() {
        return Optional.ofNullable(execUpdate);
    }

    public Optional<Duration> resolveWithin() {
        return Optional.ofNullable(resolve);
    }
}
