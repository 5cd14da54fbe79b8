package app.escalate.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server under test in its own JVM (the bot's jar, or the baseline): started with a free port,
 * timed until {@code /healthz} answers, and measured from outside (resident memory).
 */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Duration startUp;
    private final Path log;

    private ServerProcess(Process process, int port, Duration startUp, Path log) {
        this.process = process;
        this.port = port;
        this.startUp = startUp;
        this.log = log;
    }

    /** Runs {@code java <jvmArgs...> <args...>} with {@code env} and PORT; returns once /healthz is 200. */
    static ServerProcess start(List<String> args, Map<String, String> env, Path log) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("LLM_") || k.equals("DATABASE_URL"));
        builder.environment().putAll(env);
        builder.environment().put("PORT", Integer.toString(port));
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        long started = System.nanoTime();
        Process process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).timeout(Duration.ofSeconds(2)).build();
        long deadline = started + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException(command + " exited:\n" + Files.readString(log));
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return new ServerProcess(process, port, Duration.ofNanos(System.nanoTime() - started), log);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        process.destroyForcibly();
        throw new IllegalStateException(command + " was not healthy within 90 s:\n" + Files.readString(log));
    }

    URI events() {
        return URI.create("http://127.0.0.1:" + port + "/slack/events");
    }

    /** From starting the JVM to the first 200 from /healthz. */
    Duration startUp() {
        return startUp;
    }

    /** Resident set size now, from /proc, in MiB. */
    double residentMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
        throw new IllegalStateException("no VmRSS for process " + process.pid());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
