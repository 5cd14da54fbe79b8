package app.escalate.bot;

import app.escalate.bot.sandbox.BlockKitLimits;
import app.escalate.bot.sandbox.WebApi;
import app.escalate.bot.sandbox.Workspace;
import app.escalate.bot.sandbox.WorkspaceSeed;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A local stand-in for Slack's Web API (and response URLs) that records every call Slack's own
 * client makes and can be told to answer with errors, 429s or 500s.
 */
final class FakeSlackApi implements AutoCloseable {
    static final String BOT_USER = Workspace.BOT_USER;
    /** The id of the policy's team channel once {@link #seed seeded}: where the tests type their commands. */
    static final String TEAM_CHANNEL = "C0TEAM";

    /** One request as the fake received it ({@code at} when it arrived), with how and when ({@code answeredAt}) it answered. */
    record Call(String method, Map<String, String> params, String authorization, int status, Instant at, Instant answeredAt, String response) {
        String param(String name) {
            return params.get(name);
        }

        /** A JSON-valued parameter (such as {@code blocks}) as Slack reads it, with Gson's \\u003c escapes undone. */
        String json(String name) {
            String value = params.get(name);
            return value == null ? null : JsonParser.parseString(value).toString();
        }

        /** A top-level field of Slack's answer, such as the {@code ts} of a posted message. */
        String answered(String field) {
            return JsonParser.parseString(response).getAsJsonObject().get(field).getAsString();
        }

        /** Slack did what was asked: HTTP 200 and not {@code "ok":false} (such as {@code name_taken}). */
        boolean answeredOk() {
            return status == 200 && !response.replace(" ", "").contains("\"ok\":false");
        }
    }

    private record Scripted(int status, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Queue<Scripted>> scripted = new HashMap<>();
    /** How long each Web API call takes, as Slack's do over the internet. */
    private volatile Duration latency = Duration.ZERO;
    /** How long calls of a method take instead, when set for it. */
    private final Map<String, Duration> latencies = new java.util.concurrent.ConcurrentHashMap<>();
    /** The next call to do and then answer with a 503, as a gateway does when Slack was slow; see {@link #doThenFail}. */
    private Predicate<Call> doThenFail;
    /** The call to do and then never answer, as when the caller dies mid-call; see {@link #stallAfterDoing}. */
    private volatile Predicate<Call> stall;
    private final java.util.concurrent.atomic.AtomicBoolean stallTaken = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.CountDownLatch stalled = new java.util.concurrent.CountDownLatch(1);
    private final java.util.concurrent.CountDownLatch closing = new java.util.concurrent.CountDownLatch(1);
    /** While set, every call (Web API and response URLs) gets this answer: Slack is down. */
    private Scripted outage;
    /** The workspace that answers as Slack would; this fake only records calls and scripts failures around it. */
    private final Workspace workspace = new Workspace();

    FakeSlackApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/", this::api);
        server.createContext("/response/", this::responseUrl);
        server.createContext("/upload/", this::upload);
        workspace.uploadBase("http://127.0.0.1:" + server.getAddress().getPort() + "/upload/");
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    /** A fake Slack whose workspace is {@link #seed seeded} from {@code policy}. */
    static FakeSlackApi seeded(app.escalate.config.Policy policy) throws IOException {
        FakeSlackApi slack = new FakeSlackApi();
        slack.seed(policy);
        return slack;
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    String responseUrl(String id) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/response/" + id;
    }

    /** Where {@code apps.connections.open} sends Socket Mode clients. */
    void socketModeUrl(String url) {
        workspace.socketModeUrl(url);
    }

    /** A message someone wrote in a channel, for conversations.history to return. */
    void messageInChannel(String channel, String ts, String user, String text) {
        workspace.messageInChannel(channel, ts, user, text);
    }

    /** A person's profile time zone, for users.info. */
    void timeZone(String user, String zone) {
        workspace.timeZone(user, zone);
    }

    /** What a workspace that installed the bot has: the policy's people, its team channel as {@code C0TEAM}, its leadership channel. */
    void seed(app.escalate.config.Policy policy) {
        WorkspaceSeed.seed(workspace, policy, java.util.Optional.of(TEAM_CHANNEL));
    }

    /** Someone in the workspace whom the policy does not name. */
    void person(String id, String name) {
        workspace.addPerson(id, name, "UTC");
    }

    /** A guest account: in the workspace, but the bot cannot invite them ({@code cant_invite}). */
    void guest(String id) {
        workspace.guest(id);
    }

    /** A channel someone made in the workspace, public or private, with this id; the bot is not in it. */
    void channel(String id, String name, boolean isPrivate) {
        workspace.addChannel(id, name, isPrivate);
    }

    /** {@code user} (or the bot, {@link #BOT_USER}) is in the channel. */
    void addMember(String channel, String user) {
        workspace.addMember(channel, user);
    }

    /** Who is in the channel now. */
    java.util.Set<String> members(String channel) {
        return java.util.Set.copyOf(workspace.channel(channel).orElseThrow().members());
    }

    /** The bot is not in channel {@code name}: Slack refuses its posts there ({@code not_in_channel}). */
    void withoutBot(String name) {
        workspace.withoutBot(name);
    }

    /** A public channel called {@code name} (made if need be) that someone invited the bot to. */
    void botIn(String name) {
        workspace.addChannel(name);
        workspace.addMember(name, BOT_USER);
    }

    /** Someone archives the channel: Slack then answers {@code is_archived} to whatever would change it. */
    void archive(String channel) {
        workspace.archive(channel);
    }

    /** Makes a channel name already exist in the workspace. */
    void takeChannelName(String name) {
        workspace.takeChannelName(name);
    }

    /** The bot token's scopes: those manifest.yml asks for, less any revoked. */
    java.util.Set<String> grantedScopes() {
        return workspace.grantedScopes();
    }

    /** An admin takes {@code scope} away from the bot: the methods that need it answer {@code missing_scope}. */
    void revokeScope(String scope) {
        workspace.revokeScope(scope);
    }

    /** The next {@code times} calls of {@code method} get this HTTP answer instead of the normal one. */
    synchronized void failNext(String method, int times, int status, Map<String, String> headers, String body) {
        Queue<Scripted> queue = scripted.computeIfAbsent(method, m -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) queue.add(new Scripted(status, headers, body));
    }

    /** The next {@code times} calls of {@code method} are answered HTTP 429 with {@code Retry-After}, as Slack rate-limits a method. */
    void rateLimit(String method, int times, int retryAfterSeconds) {
        failNext(method, times, 429, Map.of("Retry-After", Integer.toString(retryAfterSeconds)), "{\"ok\":false,\"error\":\"ratelimited\"}");
    }

    /** From now on every call gets this HTTP answer, until {@link #recover()}. */
    synchronized void outage(int status, Map<String, String> headers, String body) {
        outage = new Scripted(status, headers, body);
    }

    /**
     * The first call matching {@code which} is done (recorded, and in the workspace) but its answer
     * is held back until this fake closes: the caller can be killed knowing Slack did the work.
     */
    void stallAfterDoing(Predicate<Call> which) {
        stall = which;
    }

    /** The next call matching {@code which} is done in the workspace, but answered with a 503: the caller cannot tell it was done. */
    synchronized void doThenFail(Predicate<Call> which) {
        doThenFail = which;
    }

    /** Waits until the stalled call has been done. */
    boolean awaitStall(Duration timeout) throws InterruptedException {
        return stalled.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Every Web API call takes {@code each} before it is answered. */
    void latency(Duration each) {
        latency = each;
    }

    /** Calls of {@code method} take {@code each} before they are answered, whatever the others take. */
    void latency(String method, Duration each) {
        latencies.put(method, each);
    }

    synchronized void recover() {
        outage = null;
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
        Instant arrived = Instant.now();
        pause(method);
        Scripted answer;
        Call recorded;
        synchronized (this) {
            Queue<Scripted> queue = scripted.get(method);
            answer = outage != null ? outage : queue == null || queue.isEmpty() ? null : queue.poll();
            if (answer == null) {
                answer = new Scripted(200, Map.of(), workspace.answer(method, params));
                Predicate<Call> failAfter = doThenFail;
                if (failAfter != null && failAfter.test(new Call(method, params, auth, 200, arrived, Instant.now(), answer.body()))) {
                    doThenFail = null;
                    answer = new Scripted(503, Map.of(), "upstream request timeout");
                }
            }
            recorded = new Call(method, params, auth, answer.status(), arrived, Instant.now(), answer.body());
            calls.add(recorded);
        }
        Predicate<Call> toStall = stall;
        if (toStall != null && toStall.test(recorded) && stallTaken.compareAndSet(false, true)) {
            stalled.countDown();
            try {
                closing.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        // Every Web API answer names the token's scopes, as Slack's do.
        exchange.getResponseHeaders().add("X-OAuth-Scopes", workspace.scopesHeader());
        respond(exchange, answer.status(), answer.body());
    }

    private void pause(String method) {
        try {
            Thread.sleep(latencies.getOrDefault(method, latency).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A file's bytes posted to the upload URL {@code files.getUploadURLExternal} gave; recorded as a call with its size. */
    private void upload(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        String id = exchange.getRequestURI().getPath().substring("/upload/".length());
        workspace.uploaded(id, bytes);
        synchronized (this) {
            calls.add(new Call("upload", Map.of("file_id", id, "bytes", Integer.toString(bytes.length),
                    "png", Boolean.toString(bytes.length > 8 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G')), null, 200, Instant.now(),
                    Instant.now(), "OK"));
        }
        respond(exchange, 200, "OK");
    }

    /** What the workspace holds for an uploaded file. */
    byte[] uploadedFile(String id) {
        return workspace.file(id).orElseThrow();
    }

    private void responseUrl(HttpExchange exchange) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        JsonObject json = JsonParser.parseString(body(exchange)).getAsJsonObject();
        json.keySet().forEach(k -> params.put(k, json.get(k).isJsonPrimitive() ? json.get(k).getAsString() : json.get(k).toString()));
        params.put("path", exchange.getRequestURI().getPath());
        Scripted answer;
        synchronized (this) {
            Queue<Scripted> queue = scripted.get("response_url");
            answer = outage != null ? outage : queue == null || queue.isEmpty() ? null : queue.poll();
            if (answer == null) {
                // A response URL checks the message as chat.postMessage does, and answers a refusal with a 400.
                Optional<BlockKitLimits.Violation> refused = BlockKitLimits.message(params.get("text"),
                        json.has("blocks") ? json.get("blocks") : null);
                answer = refused.map(v -> new Scripted(400, Map.of(), v.error())).orElse(new Scripted(200, Map.of(), "ok"));
            }
            Instant now = Instant.now();
            calls.add(new Call("response_url", params, null, answer.status(), now, now, answer.body()));
        }
        respond(exchange, answer.status(), answer.body());
    }

    private static Map<String, String> params(HttpExchange exchange) throws IOException {
        return WebApi.params(exchange.getRequestHeaders().getFirst("Content-Type"), body(exchange));
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
        closing.countDown();
        server.stop(0);
    }
}
