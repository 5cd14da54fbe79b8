package app.escalate.bot;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A pager's receiving end, on a local port: PagerDuty's Events API v2 at {@code /v2/enqueue}
 * (answering {@code 202 {"status":"success","message":"Event processed","dedup_key":…}} as
 * PagerDuty does, or a refusal, 400 with its {@code errors}, when the routing key is not 32
 * characters or the event lacks what v2 requires), and a webhook at {@code /hook}. Answers can be
 * scripted (a 500, a 429 with Retry-After) before the default; every request is kept.
 */
final class FakePager implements AutoCloseable {
    record Request(String path, Map<String, List<String>> headers, String body) {
        JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        String action() {
            return json().has("event_action") ? json().get("event_action").getAsString() : json().get("action").getAsString();
        }

        String dedupKey() {
            return json().get("dedup_key").getAsString();
        }
    }

    private record Scripted(int status, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Queue<Scripted> scripted = new ArrayDeque<>();

    FakePager() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/v2/enqueue", this::pagerDuty);
        server.createContext("/hook", this::webhook);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next answer, before the usual one. */
    synchronized void answerNext(int status, Map<String, String> headers, String body) {
        scripted.add(new Scripted(status, headers, body));
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized void clear() {
        requests.clear();
        scripted.clear();
    }

    Request await(Predicate<Request> which, Duration within) {
        return org.awaitility.Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(20))
                .until(() -> requests().stream().filter(which).findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    private void pagerDuty(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Scripted answer = record(exchange, body);
        if (answer == null) answer = pagerDutyAnswer(body);
        respond(exchange, answer);
    }

    /** What PagerDuty's Events API v2 answers an event. */
    private static Scripted pagerDutyAnswer(String body) {
        JsonObject json;
        try {
            json = JsonParser.parseString(body).getAsJsonObject();
        } catch (RuntimeException e) {
            return invalid("Event object is invalid");
        }
        String key = json.has("routing_key") ? json.get("routing_key").getAsString() : "";
        if (key.length() != 32) return invalid("Length of 'routing_key' is incorrect (should be 32 characters)");
        String action = json.has("event_action") ? json.get("event_action").getAsString() : "";
        if (!List.of("trigger", "acknowledge", "resolve").contains(action)) return invalid("'event_action' is invalid");
        if (action.equals("trigger")) {
            JsonObject payload = json.has("payload") ? json.getAsJsonObject("payload") : null;
            if (payload == null || !payload.has("summary") || !payload.has("source") || !payload.has("severity")) {
                return invalid("'payload' is missing or incomplete");
            }
            if (!List.of("critical", "error", "warning", "info").contains(payload.get("severity").getAsString())) {
                return invalid("'payload.severity' is invalid");
            }
        } else if (!json.has("dedup_key")) {
            return invalid("'dedup_key' is required");
        }
        String dedup = json.has("dedup_key") ? json.get("dedup_key").getAsString() : "generated";
        return new Scripted(202, Map.of(), "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"" + dedup + "\"}");
    }

    private static Scripted invalid(String error) {
        return new Scripted(400, Map.of(), "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\",\"errors\":[\"" + error + "\"]}");
    }

    private void webhook(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Scripted answer = record(exchange, body);
        respond(exchange, answer == null ? new Scripted(200, Map.of(), "ok") : answer);
    }

    private synchronized Scripted record(HttpExchange exchange, String body) {
        requests.add(new Request(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body));
        return scripted.poll();
    }

    private static void respond(HttpExchange exchange, Scripted answer) throws IOException {
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
