package app.escalate.commands;

import java.time.Instant;

/** Who acknowledged a case, and when: this stops the ack clock and the paging. */
public record Acknowledgement(UserId by, Instant at) {
}
