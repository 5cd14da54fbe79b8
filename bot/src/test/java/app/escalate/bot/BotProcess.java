package app.escalate.bot;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The bot as its own operating-system process (the real {@code main}, on this test's class path),
 * so a test can kill it with SIGKILL or stop it with SIGTERM as an orchestrator would.
 */
final class BotProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private BotProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the bot with this environment (plus a free PORT) and returns once /healthz answers 200. */
    static BotProcess start(Map<String, String> env, Path log) throws Exception {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Escalate.class.getName()));
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("LLM_") || k.equals("DATABASE_URL"));
        environment.putAll(new HashMap<>(env));
        environment.put("PORT", Integer.toString(port));
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        BotProcess bot = new BotProcess(builder.start(), port, log);
        bot.awaitHealthy(Duration.ofSeconds(90));
        return bot;
    }

    int port() {
        return port;
    }

    SignedSlackClient client() {
        return new SignedSlackClient(port, BotHarness.SECRET);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** kill -9: no shutdown hook, no draining, whatever was in flight is cut off. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as an orchestrator stops a replica; returns the exit code. */
    int terminate(Duration within) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the bot did not stop within " + within + " of SIGTERM");
        }
        return process.exitValue();
    }

    boolean alive() {
        return process.isAlive();
    }

    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private void awaitHealthy(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) throw new AssertionError("the bot exited with " + process.exitValue() + ":\n" + output());
            try {
                if (get("/healthz").statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new AssertionError("the bot was not healthy within " + timeout + ":\n" + output());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }
}
