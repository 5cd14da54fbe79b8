package app.escalate.commands;

import java.time.Instant;
import java.util.Optional;

/** An action item on a case, numbered from 1 within the case. */
public record Task(int number, String text, Optional<UserId> assignee, UserId createdBy, Instant createdAt,
                   Optional<UserId> doneBy, Optional<Instant> doneAt) {

    public boolean isDone() {
        return doneAt.isPresent();
    }

    public Task done(UserId by, Instant at) {
        return new Task(number, text, assignee, createdBy, createdAt, Optional.of(by), Optional.of(at));
    }
}
