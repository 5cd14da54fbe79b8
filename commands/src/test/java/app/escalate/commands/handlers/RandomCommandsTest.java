package app.escalate.commands.handlers;

import app.escalate.commands.Case;
import app.escalate.commands.CaseChannel;
import app.escalate.commands.CaseId;
import app.escalate.commands.CaseState;
import app.escalate.commands.ChannelId;
import app.escalate.commands.CommandParser;
import app.escalate.commands.InMemoryCaseStore;
import app.escalate.commands.InMemoryDraftStore;
import app.escalate.commands.InMemoryHandoffStore;
import app.escalate.commands.InMemoryOverrideStore;
import app.escalate.commands.Invocation;
import app.escalate.commands.Reply;
import app.escalate.commands.Severity;
import app.escalate.commands.Usage;
import app.escalate.commands.UserId;
import app.escalate.config.PolicyLoader;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Thousands of random {@code /esc} texts, from a fixed seed (printed on failure so a case can be
 * replayed), through the parser and every handler: nothing throws, unknown sub-commands get the
 * usage, and what people can see stays consistent.
 */
class RandomCommandsTest {
    private static final long SEED = 20261130L;
    private static final int TEXTS = 5_000;
    private static final Instant NOW = Instant.parse("2026-11-28T03:00:00Z");
    private static final List<String> WORDS = List.of("open", "status", "help", "ack", "sev", "state", "owner", "note", "task",
            "loop", "resolve", "reopen", "timeline", "rca", "summary", "watch", "oncall", "override", "handoff", "stats",
            "ESC-1", "ESC-2", "esc-1", "ESC-0", "ESC--1", "ESC-99999999999999999999", "ESC-", "sev1", "sev9", "SEV0", "1", "0", "-1",
            "type:deepfake", "type:", "type:nope", "investigating", "mitigated", "resolved", "done", "add", "list", "note",
            "<@U0ESCAMARA>", "<@U0ESCKENJI|kenji>", "<@>", "<@U0ESCAMARA", "<#C0CASE1|esc-1>", "<!here>", "<!channel>", "@here",
            "2026-11-28", "2026-02-30", "25:61", "03:00", "7d", "30d", "999d", "-7d", "me", "history", "remove", "#1", "#0",
            "root_cause:model", "*bold*", "_x_", "`code`", "```", "&lt;", "&amp;", "<", ">", "&", "\"", "'", "\\", "%s", "{}", "null",
            "émoji 🚨", "日本語", "\u202Eevil", "\u0000", "\t", "\n", "  ");
    private static final UserId[] PEOPLE = {new UserId("U0ESCAMARA"), new UserId("U0ESCKENJI"), new UserId("U0ESCMARIA"), new UserId("U0STRANGER")};
    private static final ChannelId[] CHANNELS = {new ChannelId("C0CASE1"), new ChannelId("C0TEAM"), new ChannelId("D0DIRECT")};
    private static final ZoneId[] ZONES = {ZoneOffset.UTC, ZoneId.of("Asia/Tokyo"), ZoneId.of("America/Los_Angeles")};

    @Test
    void no_random_command_throws_and_unknown_ones_get_the_usage() {
        InMemoryCaseStore store = new InMemoryCaseStore();
        store.put(new Case(new CaseId(1), "Model invents a product recall", Severity.SEV2, CaseState.TRIAGE, Optional.of("llm-hallucination"),
                Optional.empty(), PEOPLE[2], Optional.empty(), NOW.minusSeconds(600),
                Optional.of(new CaseChannel(CHANNELS[0], "esc-1-model")), Optional.empty(), Optional.empty(), false));
        EscCommands commands = new EscCommands(store, new InMemoryOverrideStore(), new InMemoryHandoffStore(), new InMemoryDraftStore(),
                PolicyLoader.builtIn(), Clock.fixed(NOW, ZoneOffset.UTC));
        Random random = new Random(SEED);
        java.util.Map<String, Integer> kinds = new java.util.TreeMap<>();
        for (int i = 0; i < TEXTS; i++) {
            String text = text(random);
            Invocation by = new Invocation(PEOPLE[random.nextInt(PEOPLE.length)], CHANNELS[random.nextInt(CHANNELS.length)],
                    random.nextBoolean() ? Optional.of("https://hooks.slack.com/commands/T0/1/x") : Optional.empty(),
                    ZONES[random.nextInt(ZONES.length)]);
            Reply reply;
            try {
                reply = commands.handle(text, by);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("text #" + i + " (seed " + SEED + ") " + show(text) + " from " + by + " threw", e);
            }
            assertThat(reply).as("reply to %s", show(text)).isNotNull();
            kinds.merge(reply.getClass().getSimpleName(), 1, Integer::sum);
            if (CommandParser.subCommand(text).equals("unknown")) {
                assertThat(reply).as("reply to %s", show(text)).isInstanceOf(Reply.Usage.class);
            }
            if (reply instanceof Reply.Refusal refusal && refusal.reason().isBlank()) fail("an empty refusal for " + show(text));
        }
        // The texts reach past the parser: into refusals and into changes that went through.
        assertThat(kinds).as("replies by kind").containsKeys("Usage", "Refusal", "CaseOpened", "Changed", "CaseCard");
        // Random text opened cases, but every one of them is whole: a number, a title and a state.
        assertThat(store.cases()).allSatisfy(c -> {
            assertThat(c.title()).isNotBlank();
            assertThat(c.id().number()).isPositive();
        });
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int words = random.nextInt(8);
        for (int w = 0; w < words; w++) {
            if (w > 0) text.append(random.nextInt(10) == 0 ? "   " : " ");
            text.append(switch (random.nextInt(10)) {
                case 0 -> randomChars(random, 1 + random.nextInt(30));
                case 1 -> "x".repeat(random.nextInt(5_000));
                default -> WORDS.get(random.nextInt(WORDS.size()));
            });
        }
        return text.toString();
    }

    private static String randomChars(Random random, int length) {
        StringBuilder chars = new StringBuilder();
        for (int i = 0; i < length; i++) chars.appendCodePoint(random.nextInt(10) == 0 ? 0x1F300 + random.nextInt(500) : random.nextInt(0x3000));
        return chars.toString();
    }

    private static String show(String text) {
        String shown = text.length() > 200 ? text.substring(0, 200) + "…(" + text.length() + " chars)" : text;
        return "\"" + shown.replace("\n", "\\n").replace("\u0000", "\\0") + "\"";
    }
}
