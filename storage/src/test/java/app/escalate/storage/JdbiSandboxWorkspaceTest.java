package app.escalate.storage;

import app.escalate.storage.JdbiSandboxWorkspace.Channel;
import app.escalate.storage.JdbiSandboxWorkspace.Jump;
import app.escalate.storage.JdbiSandboxWorkspace.Member;
import app.escalate.storage.JdbiSandboxWorkspace.Message;
import app.escalate.storage.JdbiSandboxWorkspace.ReadMarker;
import app.escalate.storage.JdbiSandboxWorkspace.Reaction;
import app.escalate.storage.JdbiSandboxWorkspace.Saved;
import app.escalate.storage.JdbiSandboxWorkspace.View;
import app.escalate.commands.Case;
import app.escalate.commands.CaseChannel;
import app.escalate.commands.ChannelId;
import app.escalate.commands.NewCase;
import app.escalate.commands.Opening;
import app.escalate.commands.Severity;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class JdbiSandboxWorkspaceTest {
    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void what_changed_is_read_back_as_it_last_was_in_the_order_it_came(DatabaseKind kind) {
        try (Database db = kind.open()) {
            JdbiSandboxWorkspace store = new JdbiSandboxWorkspace(db.jdbi());
            assertThat(store.load().isEmpty()).isTrue();

            store.channel(new Channel("C0CH2", "escalations", false, false, false, "", Optional.empty()));
            store.channel(new Channel("C0CH1", "esc-1-scam", false, false, false, "", Optional.of("U0BOT")));
            store.channel(new Channel("C0CH1", "esc-1-scam", false, false, true, "ESC-1 SEV2", Optional.of("U0BOT")));
            store.joined("C0CH1", List.of("U0BOT", "U0ESCMARIA"));
            store.joined("C0CH1", List.of("U0ESCMARIA", "U0ESCKENJI"));
            store.left("C0CH1", "U0BOT");
            store.message(new Message("C0CH1", "100.000002", "U0BOT", "card", Optional.of("[{\"type\":\"divider\"}]"), Optional.empty(),
                    false, Optional.of("{\"event_type\":\"case\"}")));
            store.message(new Message("C0CH1", "100.000003", "U0BOT", "only you", Optional.empty(), Optional.of("U0ESCMARIA"), false,
                    Optional.empty()));
            store.message(new Message("C0CH1", "100.000002", "U0BOT", "card, updated", Optional.of("[]"), Optional.empty(), true,
                    Optional.of("{\"event_type\":\"case\"}")));
            store.view(new View("V0VIEW4", Optional.of("U0ESCMARIA"), "{\"type\":\"modal\"}"));
            store.view(new View("V0VIEW5", Optional.empty(), "{}"));
            store.view(new View("V0VIEW4", Optional.of("U0ESCMARIA"), "{\"type\":\"modal\",\"title\":\"2\"}"));
            store.viewClosed("V0VIEW5");
            store.file("F0FILE6", new byte[0]);
            store.file("F0FILE6", new byte[]{(byte) 0x89, 'P', 'N', 'G'});
            store.reacted(new Reaction("C0CH1", "100.000002", "pushpin", "U0ESCKENJI"));
            store.reacted(new Reaction("C0CH1", "100.000002", "pushpin", "U0ESCKENJI"));
            store.reacted(new Reaction("C0CH1", "100.000002", "eyes", "U0ESCMARIA"));
            store.read(new ReadMarker("U0ESCMARIA", "C0CH1", "100.000002"));
            store.read(new ReadMarker("U0ESCMARIA", "C0CH1", "100.000003"));
            store.clock(Duration.ofHours(-2), Optional.empty());
            store.clock(Duration.ofHours(1), Optional.of(new Jump(T0, T0.plus(Duration.ofHours(3)))));

            Saved saved = store.load();

            assertThat(saved.isEmpty()).isFalse();
            assertThat(saved.channels()).containsExactly(new Channel("C0CH2", "escalations", false, false, false, "", Optional.empty()),
                    new Channel("C0CH1", "esc-1-scam", false, false, true, "ESC-1 SEV2", Optional.of("U0BOT")));
            assertThat(saved.members()).containsExactly(new Member("C0CH1", "U0ESCMARIA"), new Member("C0CH1", "U0ESCKENJI"));
            assertThat(saved.messages()).extracting(Message::text, Message::pinned, Message::ephemeralFor)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("card, updated", true, Optional.empty()),
                            org.assertj.core.groups.Tuple.tuple("only you", false, Optional.of("U0ESCMARIA")));
            assertThat(saved.messages().get(0).metadata()).contains("{\"event_type\":\"case\"}");
            assertThat(saved.views()).containsExactly(new View("V0VIEW4", Optional.of("U0ESCMARIA"), "{\"type\":\"modal\",\"title\":\"2\"}"));
            assertThat(saved.files()).containsOnlyKeys("F0FILE6");
            assertThat(saved.files().get("F0FILE6")).containsExactly((byte) 0x89, 'P', 'N', 'G');
            assertThat(saved.reactions()).containsExactly(new Reaction("C0CH1", "100.000002", "pushpin", "U0ESCKENJI"),
                    new Reaction("C0CH1", "100.000002", "eyes", "U0ESCMARIA"));
            assertThat(saved.readMarkers()).containsExactly(new ReadMarker("U0ESCMARIA", "C0CH1", "100.000003"));
            assertThat(saved.clockOffset()).contains(Duration.ofHours(1));
            assertThat(saved.jumps()).containsExactly(new Jump(T0, T0.plus(Duration.ofHours(3))));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void the_channels_cases_name_are_read_so_that_no_new_channel_takes_their_id(DatabaseKind kind) {
        try (Database db = kind.open()) {
            JdbiCaseStore cases = new JdbiCaseStore(db.jdbi());
            Outbox outbox = new Outbox(db.jdbi());
            Case opened = cases.open(new NewCase("Scam ads", Severity.SEV2, Optional.empty(), Optional.empty(), Optional.empty(),
                    new UserId("U0ESCMARIA"), T0, false), c -> Opening.of(List.of(new SlackEffect.CreateChannel(c.id(), "esc-1", false))));
            OutboxEntry create = outbox.lease(Outbox.Lane.SLACK, T0, 10, Duration.ofMinutes(1)).get(0);
            outbox.delivered(create, new DeliveryOutcome.ChannelCreated(opened.id(), new CaseChannel(new ChannelId("C0CH7"), "esc-1-scam-ads")),
                    FollowUp.NONE, T0);

            assertThat(new JdbiSandboxWorkspace(db.jdbi()).load().caseChannels()).containsExactly("C0CH7");
        }
    }
}
