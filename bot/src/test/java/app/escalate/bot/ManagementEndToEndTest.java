package app.escalate.bot;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code /metrics} (open cases per severity, the outbox) and the health details are for the
 * operator: on {@code MANAGEMENT_PORT} when it is set, else only to this machine's loopback
 * interface. Anyone reaching the public port learns only whether the bot is up.
 */
class ManagementEndToEndTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> get(String host, int port, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path));
        if (headers.length > 0) request.headers(headers);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An address of this machine that is not loopback, so a request to it arrives from outside the loopback interface. */
    private static Optional<String> outsideAddress() throws SocketException {
        for (NetworkInterface nic : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) continue;
            for (InetAddress a : java.util.Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) return Optional.of(a.getHostAddress());
            }
        }
        return Optional.empty();
    }

    @Nested
    class WithoutAManagementPort {
        @RegisterExtension
        final BotHarness harness = new BotHarness();

        @Test
        void this_machine_reads_metrics_and_health_details() throws Exception {
            int port = harness.client().port();
            assertThat(get("127.0.0.1", port, "/metrics").body()).contains("escalate_outbox_backlog");
            assertThat(get("127.0.0.1", port, "/healthz").body()).contains("\"outbox_backlog\":");
        }

        @Test
        void a_request_from_another_address_learns_only_that_the_bot_is_up() throws Exception {
            Optional<String> outside = outsideAddress();
            assumeTrue(outside.isPresent(), "this machine has a network address other than loopback");
            int port = harness.client().port();

            assertThat(get(outside.get(), port, "/metrics").statusCode()).isEqualTo(404);
            HttpResponse<String> health = get(outside.get(), port, "/healthz");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
        }

        @Test
        void a_request_a_local_proxy_forwarded_is_from_outside() throws Exception {
            int port = harness.client().port();

            assertThat(get("127.0.0.1", port, "/metrics", "X-Forwarded-For", "203.0.113.7").statusCode()).isEqualTo(404);
            assertThat(get("127.0.0.1", port, "/healthz", "Forwarded", "for=203.0.113.7").body()).isEqualTo("{\"status\":\"ok\"}");
        }
    }

    @Nested
    class WithAManagementPort {
        @RegisterExtension
        final BotHarness harness = new BotHarness().withEnv(Map.of("MANAGEMENT_PORT", "0"));

        @Test
        void metrics_and_health_details_are_served_there_and_nowhere_else() throws Exception {
            int port = harness.client().port();
            int management = harness.managementPort();

            assertThat(get("127.0.0.1", port, "/metrics").statusCode()).isEqualTo(404);
            assertThat(get("127.0.0.1", port, "/healthz").body()).isEqualTo("{\"status\":\"ok\"}");
            assertThat(get("127.0.0.1", management, "/metrics").body()).contains("escalate_outbox_backlog");
            assertThat(get("127.0.0.1", management, "/healthz").body()).contains("\"database\":\"up\"", "\"outbox_backlog\":");
            assertThat(get("127.0.0.1", management, "/slack/events").statusCode()).isEqualTo(404);
        }
    }
}
