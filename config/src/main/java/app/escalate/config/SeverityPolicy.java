package app.escalate.config;

import java.time.Duration;
import java.util.Optional;

/**
 * One severity's SLA clocks, measured from the case's open time; {@code resolve} may be absent.
 * {@code execUpdate}, when set, is how often leadership expects an executive summary while the
 * case is open: the bot reminds the case channel when one is due.
 */
public record SeverityPolicy(String label, Duration ack, Duration mitigate, Duration resolve, Duration execUpdate) {
    public SeverityPolicy(String label, Duration ack, Duration mitigate, Duration resolve) {
        this(label, ack, mitigate, resolve, null);
    }

    public SeverityPolicy {
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
