package app.escalate.storage;

import org.jdbi.v3.core.config.JdbiConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Who is told that the outbox has new work: the workers, once the transaction that queued it has
 * committed (so they never look before the rows are there). Kept in Jdbi's configuration, so every
 * store on the same {@link org.jdbi.v3.core.Jdbi} wakes the workers without being told how.
 */
public final class OutboxSignal implements JdbiConfig<OutboxSignal> {
    private static final Logger log = LoggerFactory.getLogger(OutboxSignal.class);

    /** Shared by every copy: Jdbi copies its configuration into each handle it opens. */
    private final List<Runnable> listeners;

    public OutboxSignal() {
        this(new CopyOnWriteArrayList<>());
    }

    private OutboxSignal(List<Runnable> listeners) {
        this.listeners = listeners;
    }

    /** Calls {@code listener} after each commit that queued outbox work; it must be quick (a wake-up, not the work). */
    public void listen(Runnable listener) {
        listeners.add(listener);
    }

    void fire() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.warn("outbox: a listener failed: {}", e.toString());
            }
        }
    }

    @Override
    public OutboxSignal createCopy() {
        return new OutboxSignal(listeners);
    }
}
