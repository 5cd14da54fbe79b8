package app.escalate.commands.oncall;

import app.escalate.commands.Shift;

import java.time.Instant;
import java.util.Optional;

/**
 * A change of primary at {@code at}: {@code outgoing} held the shift before (empty after a gap),
 * {@code incoming} holds it from now. {@code weekend} when the incoming shift is the weekend
 * rotation's, which hands over even when the same person carries on.
 */
public record Handover(Instant at, Optional<Shift> outgoing, Shift incoming, boolean weekend) {
}
