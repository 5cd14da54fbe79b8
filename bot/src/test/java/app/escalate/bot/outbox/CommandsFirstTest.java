package app.escalate.bot.outbox;

import com.slack.api.bolt.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class CommandsFirstTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final CommandsFirst commandsFirst = new CommandsFirst(now::get);

    @Test
    void withNoRequestComingTheWorkerDoesNotRest() {
        assertThat(commandsFirst.busy()).isFalse();
        assertThat(commandsFirst.restAfter(Duration.ofMillis(40))).isZero();
    }

    @Test
    void whileARequestIsBeingAnsweredTheWorkerRestsThreeTimesItsDelivery() throws Exception {
        Duration[] during = new Duration[1];
        commandsFirst.middleware().apply(null, Response.ok(), request -> {
            assertThat(commandsFirst.busy()).isTrue();
            during[0] = commandsFirst.restAfter(Duration.ofMillis(40));
            return Response.ok();
        });
        assertThat(during[0]).isEqualTo(Duration.ofMillis(120));
    }

    @Test
    void justAfterARequestItStillRestsAndAfterAQuietSpellItDoesNot() throws Exception {
        commandsFirst.middleware().apply(null, Response.ok(), request -> Response.ok());
        now.addAndGet(CommandsFirst.QUIET.toNanos() / 2);
        assertThat(commandsFirst.restAfter(Duration.ofMillis(10))).isEqualTo(Duration.ofMillis(30));
        now.addAndGet(CommandsFirst.QUIET.toNanos());
        assertThat(commandsFirst.restAfter(Duration.ofMillis(10))).isZero();
    }

    @Test
    void aSlowDeliveryDoesNotStallTheOutboxForLong() throws Exception {
        commandsFirst.middleware().apply(null, Response.ok(), request -> Response.ok());
        assertThat(commandsFirst.restAfter(Duration.ofSeconds(5))).isEqualTo(CommandsFirst.MAX_REST);
    }

    @Test
    void aRequestThatFailsStillCountsAsAnswered() {
        try {
            commandsFirst.middleware().apply(null, Response.ok(), request -> {
                throw new IllegalStateException("handler failed");
            });
        } catch (Exception expected) {
            // the middleware passes it on
        }
        assertThat(commandsFirst.restAfter(Duration.ofMillis(10))).isEqualTo(Duration.ofMillis(30));
        now.addAndGet(CommandsFirst.QUIET.toNanos() + 1);
        assertThat(commandsFirst.restAfter(Duration.ofMillis(10))).isZero();
    }
}
