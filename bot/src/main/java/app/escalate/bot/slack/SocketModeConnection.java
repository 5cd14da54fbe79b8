package app.escalate.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Keeps the bot connected to Slack over Socket Mode. Connecting happens in the background and is
 * retried with backoff, so a Slack blip during a deploy delays the bot instead of crash-looping it;
 * once connected, Slack's client reconnects by itself.
 */
public final class SocketModeConnection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SocketModeConnection.class);
    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    private static final Duration MAX_WAIT = Duration.ofMinutes(1);

    private final String appToken;
    private final App bolt;
    private final Thread connector;
    private volatile SocketModeApp socket;
    private volatile boolean closed;

    public SocketModeConnection(String appToken, App bolt) {
        this.appToken = appToken;
        this.bolt = bolt;
        this.connector = new Thread(this::connect, "socket-mode-connect");
        connector.setDaemon(true);
    }

    public void start() {
        connector.start();
    }

    public boolean isConnected() {
        return socket != null;
    }

    private void connect() {
        Duration wait = FIRST_WAIT;
        while (!closed) {
            try {
                SocketModeApp app = new SocketModeApp(appToken, bolt);
                app.startAsync();
                socket = app;
                log.info("Socket Mode: connected to Slack");
                if (closed) close();
                return;
            } catch (Exception e) {
                log.warn("Socket Mode: cannot connect to Slack ({}); trying again in {}", e.getMessage(), wait);
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            wait = wait.multipliedBy(2).compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait.multipliedBy(2);
        }
    }

    @Override
    public void close() {
        closed = true;
        connector.interrupt();
        SocketModeApp app = socket;
        if (app != null) {
            try {
                app.close();
            } catch (Exception e) {
                log.warn("Socket Mode: closing: {}", e.toString());
            }
        }
    }
}
