package app.escalate.bot;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * An OpenAI-compatible chat completions server on loopback, for LangChain4j's real client to talk
 * to: it answers what the test scripts (a faithful draft, a lie, a slow answer, an error) and
 * records each request.
 */
public final class FakeModelServer implements AutoCloseable {
    private final HttpServer server;
    private final List<JsonObject> requests = new ArrayList<>();
    private final Gson gson = new Gson();
    private volatile java.util.function.UnaryOperator<String> responder = userMessage -> "Bottom line: nothing to report.";
    private volatile Duration delay = Duration.ZERO;
    private volatile int status = 200;
    /** While set, requests are recorded and then held unanswered until {@link #release()}: a model still thinking. */
    private volatile java.util.concurrent.CountDownLatch held;

    /** A started server, for a static field. */
    public static FakeModelServer started() {
        try {
            return new FakeModelServer();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public FakeModelServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", this::complete);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** The base URL to give {@code LLM_BASE_URL}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The bot's environment for an OpenAI-compatible model served here, giving up on an answer after {@code timeout} (such as {@code 2s}). */
    java.util.Map<String, String> env(String timeout) {
        return java.util.Map.of("LLM_PROVIDER", "openai", "LLM_BASE_URL", baseUrl(), "LLM_MODEL", "fake-model", "LLM_API_KEY", "sk-test",
                "LLM_TIMEOUT", timeout);
    }

    void answer(String text) {
        this.responder = userMessage -> text;
    }

    /** Answers each request from its user message (the case data), as a model would. */
    public void answerWith(java.util.function.UnaryOperator<String> responder) {
        this.responder = responder;
    }

    void delay(Duration delay) {
        this.delay = delay;
    }

    /** From now on, each request is recorded and then left unanswered until {@link #release()}. */
    void hold() {
        held = new java.util.concurrent.CountDownLatch(1);
    }

    /** Answers the held requests (to callers still waiting) and the ones after as usual. */
    void release() {
        java.util.concurrent.CountDownLatch h = held;
        held = null;
        if (h != null) h.countDown();
    }

    void status(int status) {
        this.status = status;
    }

    synchronized List<JsonObject> requests() {
        return List.copyOf(requests);
    }

    /** The user message of the latest request: the case data the model was given. */
    String lastUserMessage() {
        List<JsonObject> all = requests();
        return userMessage(all.get(all.size() - 1));
    }

    private static String userMessage(JsonObject request) {
        for (var m : request.getAsJsonArray("messages")) {
            if (m.getAsJsonObject().get("role").getAsString().equals("user")) return m.getAsJsonObject().get("content").getAsString();
        }
        throw new AssertionError("no user message in " + request);
    }

    private void complete(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        JsonObject request = JsonParser.parseString(body).getAsJsonObject();
        synchronized (this) {
            requests.add(request);
        }
        String answer = responder.apply(userMessage(request));
        try {
            java.util.concurrent.CountDownLatch h = held;
            if (h != null) h.await();
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String reply = status != 200 ? gson.toJson(Map.of("error", Map.of("message", "overloaded", "type", "server_error")))
                : gson.toJson(Map.of("id", "chatcmpl-fake", "object", "chat.completion", "created", 1_764_000_000, "model", "fake-model",
                "choices", List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", answer), "finish_reason", "stop")),
                "usage", Map.of("prompt_tokens", 812, "completion_tokens", 96, "total_tokens", 908)));
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException gone) {
            // the client gave up (a timeout test)
        }
        exchange.close();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
