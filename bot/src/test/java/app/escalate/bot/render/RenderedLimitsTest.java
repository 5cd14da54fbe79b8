package app.escalate.bot.render;

import app.escalate.bot.sandbox.BlockKitLimits;
import app.escalate.commands.Acknowledgement;
import app.escalate.commands.Case;
import app.escalate.commands.CaseChannel;
import app.escalate.commands.CaseDecision;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseId;
import app.escalate.commands.DeadlineEntry;
import app.escalate.commands.Deadlines;
import app.escalate.commands.CaseState;
import app.escalate.commands.ChannelId;
import app.escalate.commands.CommandParser;
import app.escalate.commands.fields.FieldValue;
import app.escalate.commands.EventData;
import app.escalate.commands.Paging;
import app.escalate.commands.Reply;
import app.escalate.commands.Resolution;
import app.escalate.commands.Severity;
import app.escalate.commands.SignOff;
import app.escalate.commands.Task;
import app.escalate.commands.UserId;
import app.escalate.config.Policy;
import app.escalate.config.PolicyLoader;
import com.google.gson.JsonParser;
import com.slack.api.util.json.GsonFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever people write, what the bot renders from it is within Block Kit's limits: random cases
 * (long and non-Latin text, emoji, markup characters, many tasks and events) rendered as the card,
 * the case list, the task list, the timeline and change announcements, each checked as Slack checks it.
 */
class RenderedLimitsTest {
    private static final Policy POLICY = PolicyLoader.builtIn();
    private static final com.google.gson.Gson GSON = GsonFactory.createSnakeCase();
    private static final Instant NOW = Instant.parse("2026-11-28T03:00:00Z");
    /** Pieces people's text is made of: plain words, markup Slack would read, other scripts, emoji. */
    private static final String[] PIECES = {"takedown ", "R&D ", "<!channel> ", "<@U0ESCMARIA> ", "*bold* ", "`code` ", "受害者 ",
            "مقطع ", "\uD83D\uDD25", "\uD83D\uDC68\u200D\uD83D\uDCBB ", "\n", "https://example.com/a?b=c&d=e ", "_", "~", ">"};

    static LongStream seeds() {
        return LongStream.range(0, 100);
    }

    private static String text(Random random, int max) {
        int target = random.nextInt(4) == 0 ? max : 1 + random.nextInt(max);
        StringBuilder out = new StringBuilder();
        while (out.codePointCount(0, out.length()) < target) out.append(PIECES[random.nextInt(PIECES.length)]);
        String s = out.toString().strip();
        if (s.isEmpty()) s = "x";
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max));
    }

    private static UserId person(Random random) {
        return new UserId("U0ESC" + (char) ('A' + random.nextInt(20)) + "X" + random.nextInt(1000));
    }

    private static CaseFile caseFile(Random random, long number) {
        CaseId id = new CaseId(number);
        boolean resolved = random.nextBoolean();
        Instant opened = NOW.minus(Duration.ofMinutes(random.nextInt(10_000)));
        Case c = new Case(id, text(random, CommandParser.MAX_TITLE_LENGTH), Severity.values()[random.nextInt(4)],
                resolved ? CaseState.RESOLVED : CaseState.values()[random.nextInt(4)],
                List.of(Optional.of("deepfake"), Optional.of("llm-hallucination"), Optional.<String>empty()).get(random.nextInt(3)),
                random.nextBoolean() ? Optional.of(text(random, CommandParser.MAX_SURFACE_LENGTH)) : Optional.empty(),
                person(random), random.nextBoolean() ? Optional.of(person(random)) : Optional.empty(), opened,
                Optional.of(new CaseChannel(new ChannelId("C0CASE" + number), "esc-" + number)),
                random.nextBoolean() ? Optional.of(new Acknowledgement(person(random), opened.plusSeconds(60))) : Optional.empty(),
                resolved ? Optional.of(new Resolution(text(random, CommandParser.MAX_NOTE_LENGTH),
                        random.nextBoolean() ? Optional.of("adversarial-abuse") : Optional.empty(), person(random), NOW)) : Optional.empty(),
                random.nextInt(5) == 0);
        List<Task> tasks = new ArrayList<>();
        for (int t = 1, n = random.nextInt(4) == 0 ? 60 : random.nextInt(6); t <= n; t++) {
            boolean done = random.nextBoolean();
            tasks.add(new Task(t, text(random, CommandParser.MAX_NOTE_LENGTH), random.nextBoolean() ? Optional.of(person(random)) : Optional.empty(),
                    person(random), opened, done ? Optional.of(person(random)) : Optional.empty(), done ? Optional.of(NOW) : Optional.empty()));
        }
        Set<String> stakeholders = new HashSet<>();
        for (int s = random.nextInt(15); s > 0; s--) stakeholders.add(text(random, 40));
        CaseFile file = new CaseFile(c, tasks, stakeholders, Set.of(), Paging.NONE, Optional.empty(), Set.of(), Optional.empty(), Optional.empty(),
                fields(random, c.caseType()), decisions(random, opened));
        // As many deadlines as a case may carry, with the longest names, some dropped with the longest reasons.
        for (int d = 0, n = random.nextInt(3) == 0 ? 20 : random.nextInt(3); d < n; d++) {
            String name = ("d" + d + "-" + "x".repeat(40)).substring(0, 40);
            Optional<DeadlineEntry.Closed> closed = random.nextInt(3) == 0 ? Optional.of(new DeadlineEntry.Closed(DeadlineEntry.Outcome.DROPPED,
                    NOW, person(random), Optional.of(text(random, CommandParser.MAX_NOTE_LENGTH)))) : Optional.empty();
            file = file.withDeadline(new DeadlineEntry(name, Optional.of(NOW.plus(Duration.ofMinutes(random.nextInt(10_000) - 5_000))),
                    opened, person(random), closed));
        }
        return file;
    }

    /** Decisions at their longest (five alternatives), some pending, some answered with long objections, some overridden. */
    private static List<CaseDecision> decisions(Random random, Instant at) {
        List<CaseDecision> decisions = new ArrayList<>();
        for (int n = 1, count = random.nextInt(4) == 0 ? 30 : random.nextInt(4); n <= count; n++) {
            List<String> alternatives = new ArrayList<>();
            for (int a = random.nextInt(6); a > 0; a--) alternatives.add(text(random, 500));
            CaseDecision d = CaseDecision.taken(n, text(random, CommandParser.MAX_NOTE_LENGTH), text(random, CommandParser.MAX_NOTE_LENGTH),
                    alternatives, person(random), at, random.nextBoolean() ? List.of("legal", "policy") : List.of());
            if (!d.needs().isEmpty() && random.nextBoolean()) {
                d = d.signed(List.of(new SignOff("policy", person(random), SignOff.Verdict.OBJECTED,
                        Optional.of(text(random, CommandParser.MAX_NOTE_LENGTH)), at)));
                if (random.nextBoolean()) d = d.overruledBecause(text(random, CommandParser.MAX_NOTE_LENGTH), at);
            }
            decisions.add(d);
        }
        return decisions;
    }

    /** Every field of the type filled at its longest (some left empty, so the card says what is needed). */
    private static java.util.Map<String, String> fields(Random random, Optional<String> type) {
        java.util.Map<String, String> fields = new java.util.HashMap<>();
        type.flatMap(POLICY::caseType).ifPresent(t -> t.fields().forEach(f -> {
            if (random.nextInt(4) == 0) return;
            fields.put(f.id(), longest(random, f));
        }));
        return fields;
    }

    private static String longest(Random random, app.escalate.config.CaseField f) {
        return switch (f.kind()) {
            case URL -> "https://video.example/" + "a&b".repeat((FieldValue.MAX_URL - 30) / 3);
            case CHOICE -> f.options().get(random.nextInt(f.options().size()));
            case CHOICES -> String.join(", ", f.options());
            case DATETIME -> NOW.toString();
            case USER -> person(random).value();
            case NUMBER -> "1" + "0".repeat(30);
            case LONG_TEXT -> text(random, FieldValue.MAX_LONG_TEXT);
            case TEXT -> text(random, FieldValue.MAX_TEXT);
        };
    }

    private static List<CaseEvent> events(Random random, CaseId id) {
        List<CaseEvent> events = new ArrayList<>();
        for (int i = random.nextInt(12); i > 0; i--) {
            String longest = text(random, CommandParser.MAX_NOTE_LENGTH);
            EventData data = switch (random.nextInt(7)) {
                case 5 -> new EventData.FieldSet("output_excerpt", "Output excerpt", Optional.of(longest), longest);
                case 4 -> new EventData.DecisionTaken(i, longest, longest, List.of(longest, longest, longest, longest, longest), List.of("legal"));
                case 0 -> random.nextBoolean() ? new EventData.NoteAdded(longest)
                        : new EventData.DeadlineDropped("d1-" + "x".repeat(37), NOW, longest);
                case 1 -> new EventData.TaskAdded(i, longest, Optional.of(person(random)));
                case 2 -> new EventData.Resolved(CaseState.MITIGATED, longest, Optional.of("adversarial-abuse"));
                case 3 -> new EventData.SeverityChanged(Severity.SEV3, Severity.SEV1, Optional.of(longest));
                case 6 -> new EventData.DecisionSigned(i, longest, List.of("legal", "policy"), SignOff.Verdict.OBJECTED, Optional.of(longest),
                        CaseDecision.Status.REJECTED);
                default -> new EventData.Opened(text(random, CommandParser.MAX_TITLE_LENGTH), Severity.SEV2, Optional.empty(),
                        Optional.of(text(random, CommandParser.MAX_SURFACE_LENGTH)), Optional.of(longest));
            };
            events.add(new CaseEvent(id, NOW.minusSeconds(i), person(random), data));
        }
        return events;
    }

    /** A model's suggestion proposing every field it can at its longest: links of 2,000 characters full of &, long text. */
    private static SlackMessage triage(Random random, CaseId id) {
        String type = List.of("deepfake", "llm-hallucination").get(random.nextInt(2));
        java.util.Map<String, app.escalate.commands.Guess<String>> values = new java.util.HashMap<>();
        java.util.Map<String, app.escalate.commands.TriageState.Proposed> state = new java.util.HashMap<>();
        POLICY.caseType(type).orElseThrow().fields().forEach(f -> {
            String value = f.kind() == app.escalate.config.CaseField.Kind.URL ? ("https://video.example/w?" + "a=1&b=2&".repeat(300)).substring(0, 2000)
                    : longest(random, f);
            values.put(f.id(), new app.escalate.commands.Guess<>(value, 0.5));
            state.put(f.id(), new app.escalate.commands.TriageState.Proposed(value, app.escalate.commands.TriageState.Outcome.HELD));
        });
        var suggestion = new app.escalate.commands.Suggestion(Optional.of(new app.escalate.commands.Guess<>(type, 0.6)),
                new app.escalate.commands.Guess<>(Severity.SEV2, 0.6), new app.escalate.commands.Guess<>(List.of("video"), 0.6),
                new app.escalate.commands.Guess<>(text(random, 1000), 0.6), values);
        var suggested = new EventData.TriageSuggested(new app.escalate.commands.SuggestedTriage(suggestion, "openai:fake", "triage.v2",
                Optional.empty()), false, Optional.empty(), Optional.of(text(random, 300)));
        var held = new app.escalate.commands.TriageState(app.escalate.commands.TriageState.Status.HELD, Optional.of(type), Severity.SEV2,
                Optional.empty(), Optional.empty(), Severity.SEV3, Optional.empty(), state);
        return TriageMessage.of(id, suggested, Optional.of(held), POLICY);
    }

    private static void withinLimits(String what, SlackMessage message) {
        String blocks = GSON.toJson(message.blocks());
        assertThat(BlockKitLimits.message(message.text(), message.blocks().isEmpty() ? null : JsonParser.parseString(blocks)))
                .as(what).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void whatever_people_write_the_messages_rendered_from_it_are_within_block_kits_limits(long seed) {
        Random random = new Random(seed);
        ReplyRenderer replies = new ReplyRenderer(POLICY);
        CaseFile file = caseFile(random, seed + 1);
        CaseId id = file.details().id();
        List<CaseEvent> events = events(random, id);

        withinLimits("card, seed " + seed, CaseCard.of(file, POLICY));
        withinLimits("status, seed " + seed, replies.render(new Reply.CaseCard(file)));
        withinLimits("tasks, seed " + seed, replies.render(new Reply.TaskList(id, file.tasks())));
        withinLimits("triage, seed " + seed, triage(random, id));
        Optional<app.escalate.config.CaseType> type = file.details().caseType().flatMap(POLICY::caseType);
        withinLimits("deadlines, seed " + seed, replies.render(new Reply.DeadlineList(id, Deadlines.of(file, type), Deadlines.waiting(file, type), NOW)));
        withinLimits("timeline, seed " + seed, replies.render(new Reply.TimelinePage(id, events, 1, 3)));
        withinLimits("announcement, seed " + seed, replies.render(new Reply.Changed(id, events)));
        withinLimits("decisions, seed " + seed, replies.render(new Reply.DecisionList(id, file.decisions())));
        file.decisions().forEach(d -> withinLimits("sign-off request, seed " + seed, SignOffRequest.of(id, d, POLICY)));
        List<SimilarMessage.Shown> similar = new ArrayList<>();
        for (int n = 0; n < 3; n++) similar.add(new SimilarMessage.Shown(caseFile(random, 200 + n), Optional.of(Duration.ofMinutes(random.nextInt(5000)))));
        var found = new EventData.SimilarFound(similar.stream().map(s -> s.file().details().id()).toList(), Optional.of(new CaseId(200)));
        withinLimits("similar cases, seed " + seed, SimilarMessage.of(id, found, similar, Optional.empty(), POLICY));
        List<Case> many = new ArrayList<>();
        for (int n = 0; n < 60; n++) many.add(caseFile(random, 100 + n).details());
        withinLimits("case list, seed " + seed, replies.render(new Reply.CaseList(many, 60)));
    }
}
