package app.escalate.bot;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.javalin.Javalin;
import io.javalin.websocket.WsContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A local stand-in for Slack's Socket Mode WebSocket: greets with {@code hello}, pushes envelopes
 * as Slack does, and records what the bot sends back.
 */
final class FakeSocketMode implements AutoCloseable {
    private final Javalin server;
    private final List<JsonObject> received = new ArrayList<>();
    private volatile WsContext connection;

    FakeSocketMode() {
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.ws("/link", ws -> {
                ws.onConnect(ctx -> {
                    ctx.enableAutomaticPings();
                    connection = ctx;
                    ctx.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\"},"
                            + "\"connection_info\":{\"app_id\":\"A0ESC\"}}");
                });
                ws.onMessage(ctx -> {
                    synchronized (received) {
                        received.add(JsonParser.parseString(ctx.message()).getAsJsonObject());
                    }
                });
            });
        }).start("127.0.0.1", 0);
    }

    String url() {
        return "ws://127.0.0.1:" + server.port() + "/link";
    }

    void awaitConnected(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (connection == null) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError("the bot never connected over Socket Mode");
            Thread.sleep(20);
        }
    }

    /** Pushes an envelope of {@code type} (e.g. {@code slash_commands}); returns its id. */
    String push(String type, JsonObject payload) {
        String id = UUID.randomUUID().toString();
        JsonObject envelope = new JsonObject();
        envelope.addProperty("envelope_id", id);
        envelope.addProperty("type", type);
        envelope.add("payload", payload);
        envelope.addProperty("accepts_response_payload", true);
        connection.send(envelope.toString());
        return id;
    }

    /** The bot's acknowledgement of envelope {@code id}. */
    JsonObject awaitAck(String id, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            synchronized (received) {
                for (JsonObject message : received) {
                    if (message.has("envelope_id") && message.get("envelope_id").getAsString().equals(id)) return message;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no ack for envelope " + id + "; received " + received);
    }

    @Override
    public void close() {
        server.stop();
    }
}
