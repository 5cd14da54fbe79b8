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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server under test in its own JVM (the bot's jar, or the baseline): started with a free port,
 * timed until {@code /healthz} answers, and measured from outside (resident memory).
 */
final class ServerProcess implements AutoCloseable {
    /** Linux's USER_HZ, the unit of /proc's CPU times: 100 on every architecture the JDK runs on. */
    private static final long CLOCK_TICKS = 100;
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

    /** Slack effects waiting in the bot's outbox, as {@code /healthz} reports them. */
    long outboxBacklog() throws IOException, InterruptedException {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher backlog = Pattern.compile("\"outbox_backlog\":(\\d+)").matcher(body);
        if (!backlog.find()) throw new IllegalStateException("no outbox backlog in /healthz: " + body);
        return Long.parseLong(backlog.group(1));
    }

    /** Slack effects the bot's outbox has delivered since it started, from {@code /metrics}. */
    long outboxDelivered() throws IOException, InterruptedException {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher line = Pattern.compile("(?m)^escalate_outbox_deliveries_total\\{[^}]*result=\"delivered\"[^}]*} ([0-9.eE+]+)$").matcher(body);
        double total = 0;
        while (line.find()) total += Double.parseDouble(line.group(1));
        return Math.round(total);
    }

    URI events() {
        return URI.create("http://127.0.0.1:" + port + "/slack/events");
    }

    /** From starting the JVM to the first 200 from /healthz. */
    Duration startUp() {
        return startUp;
    }

    /** Resident set size now, from /proc, in megabytes (10^6 bytes). */
    double residentMB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024 / 1e6;
        }
        throw new IllegalStateException("no VmRSS for process " + process.pid());
    }

    /** CPU time the process has used so far (user and system), from /proc, in milliseconds. */
    long cpuMillis() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / CLOCK_TICKS;
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
