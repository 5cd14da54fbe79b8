package app.escalate.bench;

import app.escalate.bot.sandbox.WebApi;
import app.escalate.bot.sandbox.Workspace;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Slack's Web API on loopback for the benchmarks: the sandbox's in-memory workspace answers every
 * call at once, and response URLs take whatever they are sent.
 */
final class LoopbackSlack implements AutoCloseable {
    static {
        // Without TCP_NODELAY the JDK's server writes a response's headers and body in two packets,
        // and the client's delayed acknowledgement holds the second for 40 ms: every Slack call the
        // bot made took 42 ms, which capped the outbox at about 20 effects a second. Read once, when
        // the first server in this JVM starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final Workspace workspace = new Workspace();
    /** Channels the bot created, by name. */
    private final java.util.Map<String, String> created = new java.util.concurrent.ConcurrentHashMap<>();

    LoopbackSlack() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/", this::api);
        server.createContext("/response/", exchange -> respond(exchange, "ok"));
        server.setExecutor(threads);
        server.start();
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    String responseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/response/bench";
    }

    private void api(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String answer = workspace.answer(method, WebApi.params(exchange.getRequestHeaders().getFirst("Content-Type"), body));
        if (method.equals("conversations.create")) {
            var json = com.google.gson.JsonParser.parseString(answer).getAsJsonObject();
            if (json.get("ok").getAsBoolean()) {
                var channel = json.getAsJsonObject("channel");
                created.put(channel.get("name").getAsString(), channel.get("id").getAsString());
            }
        }
        respond(exchange, answer);
    }

    /** The id of the channel the bot created with this name, once it has. */
    java.util.Optional<String> channel(String name) {
        return java.util.Optional.ofNullable(created.get(name));
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
