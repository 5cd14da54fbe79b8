package app.escalate.commands;

import java.time.Instant;
import java.util.List;

/**
 * Where work that follows no change to a case is queued (a reply to a click, a draft asked for, a
 * chart): the same outbox as a decision's effects, delivered after the ack and kept across a crash.
 */
public interface Effects {
    void enqueue(List<SlackEffect> effects, Instant at);
}
