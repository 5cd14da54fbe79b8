package app.escalate.bot;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A local stand-in for Slack's Web API (and response URLs) that records every call Slack's own
 * client makes and can be told to answer with errors, 429s or 500s.
 */
final class FakeSlackApi implements AutoCloseable {
    static final String BOT_USER = "U0BOT";

    /** One request as the fake received it, with how it answered. */
    record Call(String method, Map<String, String> params, String authorization, int status, Instant at) {
        String param(String name) {
            return params.get(name);
        }

        /** A JSON-valued parameter (such as {@code blocks}) as Slack reads it, with Gson's \\u003c escapes undone. */
        String json(String name) {
            String value = params.get(name);
            return value == null ? null : JsonParser.parseString(value).toString();
        }

        boolean answeredOk() {
            return status == 200;
        }
    }

    private record Scripted(int status, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Queue<Scripted>> scripted = new HashMap<>();
    private final Set<String> channelNames = new HashSet<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final Gson gson = new Gson();
    private volatile String socketModeUrl;
    private final Map<String, Map<String, String>> messages = new HashMap<>();
    private final Map<String, String> timeZones = new HashMap<>();

    FakeSlackApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/", this::api);
        server.createContext("/response/", this::responseUrl);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    String responseUrl(String id) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/response/" + id;
    }

    /** Where {@code apps.connections.open} sends Socket Mode clients. */
    void socketModeUrl(String url) {
        socketModeUrl = url;
    }

    /** A message someone wrote in a channel, for conversations.history to return. */
    synchronized void messageInChannel(String channel, String ts, String user, String text) {
        messages.put(channel + "/" + ts, Map.of("type", "message", "ts", ts, "user", user, "text", text));
    }

    /** A person's profile time zone, for users.info. */
    synchronized void timeZone(String user, String zone) {
        timeZones.put(user, zone);
    }

    /** Makes a channel name already exist in the workspace. */
    synchronized void takeChannelName(String name) {
        channelNames.add(name);
    }

    /** The next {@code times} calls of {@code method} get this HTTP answer instead of the normal one. */
    synchronized void failNext(String method, int times, int status, Map<String, String> headers, String body) {
        Queue<Scripted> queue = scripted.computeIfAbsent(method, m -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) queue.add(new Scripted(status, headers, body));
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    synchronized List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Waits (polling, bounded) until a call matching {@code test} has arrived, and returns it. */
    Call await(String method, Predicate<Call> test, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (Call call : calls(method)) if (test.test(call)) return call;
            Thread.sleep(20);
        }
        throw new AssertionError("no matching " + method + " within " + timeout + "; calls were: " + calls());
    }

    Call await(String method) throws InterruptedException {
        return await(method, Call::answeredOk, Duration.ofSeconds(10));
    }

    private void api(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        Map<String, String> params = params(exchange);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        Scripted answer;
        synchronized (this) {
            Queue<Scripted> queue = scripted.get(method);
            answer = queue == null || queue.isEmpty() ? null : queue.poll();
            if (answer == null) answer = new Scripted(200, Map.of(), answer(method, params));
            calls.add(new Call(method, params, auth, answer.status(), Instant.now()));
        }
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        respond(exchange, answer.status(), answer.body());
    }

    private void responseUrl(HttpExchange exchange) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        JsonObject json = JsonParser.parseString(body(exchange)).getAsJsonObject();
        json.keySet().forEach(k -> params.put(k, json.get(k).isJsonPrimitive() ? json.get(k).getAsString() : json.get(k).toString()));
        params.put("path", exchange.getRequestURI().getPath());
        Scripted answer;
        synchronized (this) {
            Queue<Scripted> queue = scripted.get("response_url");
            answer = queue == null || queue.isEmpty() ? new Scripted(200, Map.of(), "ok") : queue.poll();
            calls.add(new Call("response_url", params, null, answer.status(), Instant.now()));
        }
        respond(exchange, answer.status(), answer.body());
    }

    /** Slack's normal answers, shaped as the real API's. */
    private synchronized String answer(String method, Map<String, String> p) {
        return switch (method) {
            case "auth.test" -> json(Map.of("ok", true, "url", "https://fake.example/", "team", "Fake", "user", "escalate",
                    "team_id", "T0FAKE", "user_id", BOT_USER, "bot_id", "B0BOT"));
            case "conversations.create" -> {
                String name = p.get("name");
                if (!channelNames.add(name)) yield json(Map.of("ok", false, "error", "name_taken"));
                boolean isPrivate = Set.of("1", "true").contains(p.getOrDefault("is_private", "false"));
                yield json(Map.of("ok", true, "channel", Map.of("id", "C0CH" + ids.incrementAndGet(), "name", name,
                        "is_channel", !isPrivate, "is_private", isPrivate, "created", Instant.now().getEpochSecond())));
            }
            case "conversations.invite" -> json(Map.of("ok", true, "channel", Map.of("id", p.get("channel"))));
            case "chat.postMessage" -> json(Map.of("ok", true, "channel", p.get("channel"),
                    "ts", "1764300000." + String.format("%06d", ids.incrementAndGet()),
                    "message", Map.of("text", p.getOrDefault("text", ""), "user", BOT_USER)));
            case "pins.add" -> json(Map.of("ok", true));
            case "chat.update" -> json(Map.of("ok", true, "channel", p.get("channel"), "ts", p.get("ts"),
                    "text", p.getOrDefault("text", "")));
            case "conversations.setTopic" -> json(Map.of("ok", true, "channel", Map.of("id", p.get("channel"),
                    "topic", Map.of("value", p.getOrDefault("topic", "")))));
            case "conversations.history", "conversations.replies" -> {
                Map<String, String> message = messages.get(p.get("channel") + "/" + p.get("latest"));
                yield json(Map.of("ok", true, "messages", message == null ? List.of() : List.of(message), "has_more", false));
            }
            case "chat.getPermalink" -> json(Map.of("ok", true, "channel", p.get("channel"),
                    "permalink", "https://fake.example/archives/" + p.get("channel") + "/p" + p.get("message_ts").replace(".", "")));
            case "chat.postEphemeral" -> json(Map.of("ok", true, "message_ts", "1764300000." + String.format("%06d", ids.incrementAndGet())));
            case "users.info" -> json(Map.of("ok", true, "user", Map.of("id", p.get("user"), "name", p.get("user").toLowerCase(),
                    "tz", timeZones.getOrDefault(p.get("user"), "UTC"))));
            case "views.open", "views.update" -> json(Map.of("ok", true, "view", Map.of("id", p.getOrDefault("view_id", "V0VIEW" + ids.incrementAndGet()),
                    "hash", "h" + ids.incrementAndGet())));
            case "apps.connections.open" -> socketModeUrl == null
                    ? json(Map.of("ok", false, "error", "not_allowed_token_type"))
                    : json(Map.of("ok", true, "url", socketModeUrl));
            default -> json(Map.of("ok", false, "error", "unknown_method"));
        };
    }

    private String json(Map<String, ?> value) {
        return gson.toJson(value);
    }

    private static Map<String, String> params(HttpExchange exchange) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        String body = body(exchange);
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null && type.startsWith("application/json")) {
            JsonObject json = JsonParser.parseString(body).getAsJsonObject();
            json.keySet().forEach(k -> params.put(k, json.get(k).isJsonPrimitive() ? json.get(k).getAsString() : json.get(k).toString()));
            return params;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    private static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
