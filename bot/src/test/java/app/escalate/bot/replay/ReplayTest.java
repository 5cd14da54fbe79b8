package app.escalate.bot.replay;

import app.escalate.commands.CaseAction;
import app.escalate.commands.CaseId;
import app.escalate.commands.ChannelId;
import app.escalate.commands.handlers.Domain;
import app.escalate.commands.EscCommand;
import app.escalate.commands.Invocation;
import app.escalate.commands.Reply;
import app.escalate.commands.Severity;
import app.escalate.commands.TriageVerdict;
import app.escalate.commands.UserId;
import app.escalate.commands.handlers.EscCommands;
import app.escalate.commands.triage.TriageModel;
import app.escalate.commands.triage.Triager;
import app.escalate.config.Policy;
import app.escalate.config.PolicyLoader;
import app.escalate.storage.Database;
import app.escalate.storage.JdbiCaseStore;
import app.escalate.storage.JdbiDraftStore;
import app.escalate.storage.JdbiHandoffStore;
import app.escalate.storage.JdbiOverrideStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database the bot wrote (cases opened with {@code /esc open}, triaged by the policy's keywords
 * as the triage job does, and judged by people) replayed under the example policy and a changed one.
 */
class ReplayTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final UserId CHLOE = new UserId("U0ESCCHLOE"); // the reporter
    private static final UserId MARIA = new UserId("U0ESCMARIA"); // a responder: may steer any case
    private static final ChannelId TEAM = new ChannelId("C0TEAM");

    @TempDir
    Path dir;
    private String url;
    private Path example;
    private Path changed;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void seed() throws IOException {
        url = "jdbc:h2:file:" + dir.resolve("escalate");
        example = dir.resolve("example.yml");
        try (InputStream in = PolicyLoader.class.getResourceAsStream(PolicyLoader.BUILT_IN)) {
            Files.write(example, in.readAllBytes());
        }
        changed = dir.resolve("new.yml");
        Files.writeString(changed, edited(Files.readString(example)));
        Policy policy = PolicyLoader.builtIn();
        try (Database database = Database.open(url)) {
            // ESC-1, long ago: outside the window.
            new Bot(database, policy, NOW.minus(Duration.ofDays(120))).open("Face swap deepfake of a public figure: a synthetic video is spreading");
            Bot bot = new Bot(database, policy, NOW.minus(Duration.ofDays(10)));
            // ESC-2: applied by confident-deepfake and left standing.
            bot.open("Face swap deepfake of a public figure: a synthetic video is spreading, widespread on shorts");
            // ESC-3: applied by confident-hallucination, and undone: no type, SEV3.
            bot.judge(bot.open("The chatbot hallucinated and made up a false claim about a public figure; it is spreading, widespread"),
                    TriageVerdict.UNDONE, Optional.empty(), Optional.empty());
            // ESC-4: a deepfake to the keywords (tied with a civic event), changed to a civic event at SEV1.
            bot.judge(bot.open("A voice clone of a candidate"), TriageVerdict.CHANGED, Optional.of("civic-event"), Optional.of(Severity.SEV1));
            // ESC-5: held (no rule), accepted.
            bot.judge(bot.open("Scam ad campaign by an advertiser, seen by many users"), TriageVerdict.ACCEPTED, Optional.empty(), Optional.empty());
            // ESC-6: held, still waiting for a person.
            bot.open("Something odd in the results");
            // ESC-7: restricted, held by regulatory-needs-a-human, accepted.
            bot.judge(bot.open(MARIA, "Subpoena from the data protection authority type:regulatory-request"), TriageVerdict.ACCEPTED,
                    Optional.empty(), Optional.empty());
            // ESC-8: held (no rule), dismissed: no type, SEV3.
            bot.judge(bot.open("Coordinated brigading by fake accounts"), TriageVerdict.DISMISSED, Optional.empty(), Optional.empty());
        }
    }

    /**
     * The example policy with its routing rules and keywords changed: a deepfake is applied only at
     * 0.9, an advertiser case already at 0.6, a regulatory request at once, and a cloned voice is no
     * longer a deepfake word.
     */
    private static String edited(String example) {
        String text = replaced(example, "when: {type: deepfake, at_least: 0.8}", "when: {type: deepfake, at_least: 0.9}");
        text = replaced(text, "when: {type: regulatory-request}\n      then: hold", "when: {type: regulatory-request}\n      then: apply");
        text = replaced(text, "  rules:\n", "  rules:\n"
                + "    - name: confident-ads\n"
                + "      when: {type: advertiser-integrity, at_least: 0.6}\n"
                + "      then: apply\n"
                + "      owner: U0ESCKENJI\n"
                + "      review_by: 2027-03-31\n");
        return replaced(text, "face swap, voice clon*, cloned voice", "face swap");
    }

    private static String replaced(String text, String from, String to) {
        assertThat(text).contains(from);
        return text.replace(from, to);
    }

    /** The bot's commands on the database, at {@code now}; triage as its job runs it, on the keywords. */
    private record Bot(Policy policy, EscCommands commands, Triager triager) {
        Bot(Database database, Policy policy, Instant now) {
            this(policy, new JdbiCaseStore(database.jdbi()), new JdbiHandoffStore(database.jdbi()), Clock.fixed(now, ZoneOffset.UTC), database);
        }

        private Bot(Policy policy, JdbiCaseStore cases, JdbiHandoffStore handoffs, Clock clock, Database database) {
            this(policy, new EscCommands(cases, handoffs, new JdbiDraftStore(database.jdbi()), policy, clock,
                    Domain.of(cases, new JdbiOverrideStore(database.jdbi()), handoffs, policy, clock)), new Triager(policy, Optional.empty()));
        }

        /** Opens the case and triages it as the triage job does; returns its id. */
        CaseId open(String text) {
            return open(CHLOE, text);
        }

        CaseId open(UserId reporter, String text) {
            Reply reply = commands.handle("open " + text, new Invocation(reporter, TEAM, Optional.empty()));
            assertThat(reply).isInstanceOf(Reply.CaseOpened.class);
            var c = ((Reply.CaseOpened) reply).opened();
            commands.triage(c.id(), triager.suggest(c.title(), Optional.empty(), c.surface(), c.caseType(),
                    policy.mayUseModel(c.caseType(), c.restricted())));
            return c.id();
        }

        void judge(CaseId id, TriageVerdict verdict, Optional<String> type, Optional<Severity> severity) {
            Reply reply = commands.handle(new EscCommand.OnCase(Optional.of(id), new CaseAction.JudgeTriage(verdict, type, severity, Optional.empty())),
                    new Invocation(MARIA, TEAM, Optional.empty()));
            assertThat(reply).as("%s on %s", verdict, id).isNotInstanceOf(Reply.Refusal.class);
        }
    }

    private int replay(String... args) {
        return Replay.run(List.of(args), PolicyLoader.builtIn(), "the built-in example", Optional.empty(), url,
                Clock.fixed(NOW, ZoneOffset.UTC), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void the_report_shows_what_the_new_policy_changes_against_what_people_decided() {
        assertThat(replay("--policy", changed.toString())).as(err()).isZero();

        List<String> lines = out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Replay of 7 cases opened since 2026-08-30 (90d), suggestions from each policy's keywords (no LLM_PROVIDER)");
        assertThat(lines).contains(
                "current policy: the built-in example",
                "new policy:     " + changed,
                "applied at once                               2        3",
                "held for a person                             5        4",
                "decided by people: 6 of 7 cases (the rest wait for a person or were never triaged)",
                "  type differs from people's                  3        2",
                "  severity differs from people's              3        2",
                "  estimated override rate                   50%      33%",
                "held, now applied: 2; applied, now held: 1",
                "Cases whose outcome changes (4):");
        assertThat(out()).contains(
                "ESC-2 \"Face swap deepfake of a public figure: a synthe…\": deepfake SEV2 applied (confident-deepfake)"
                        + " → deepfake SEV2 held (no rule matched); people decided deepfake SEV2",
                "ESC-4 \"A voice clone of a candidate\": deepfake SEV2 held (unsure-needs-a-human)"
                        + " → civic-event SEV1 held (sev1-needs-a-human); people decided civic-event SEV1",
                "ESC-5 \"Scam ad campaign by an advertiser, seen by many…\": advertiser-integrity SEV2 held (no rule matched)"
                        + " → advertiser-integrity SEV2 applied (confident-ads); people decided advertiser-integrity SEV2",
                "ESC-7 (restricted case): regulatory-request SEV2 held (regulatory-needs-a-human)"
                        + " → regulatory-request SEV2 applied (regulatory-needs-a-human); people decided regulatory-request SEV2");
        assertThat(out()).as("unchanged, waiting, before the window; a restricted title")
                .doesNotContain("ESC-3", "ESC-6", "ESC-8", "ESC-1 ", "Subpoena");
        assertThat(err()).isEmpty();
    }

    @Test
    void the_current_policy_against_itself_changes_nothing() {
        assertThat(replay("--policy", example.toString(), "--since", "30d")).as(err()).isZero();

        assertThat(out()).contains("Replay of 7 cases opened since 2026-10-29 (30d)",
                "  estimated override rate                   50%      50%",
                "held, now applied: 0; applied, now held: 0", "No case's outcome changes.");
    }

    @Test
    void a_longer_window_takes_in_older_cases() {
        assertThat(replay("--since", "200d", "--policy", changed.toString())).as(err()).isZero();

        assertThat(out()).contains("Replay of 8 cases opened since 2026-05-12 (200d)", "decided by people: 6 of 8 cases");
    }

    @Test
    void a_restricted_case_is_not_sent_to_the_model_and_the_others_are() {
        List<String> asked = new java.util.ArrayList<>();
        TriageModel model = new TriageModel() {
            public String name() {
                return "fake:model";
            }

            public String answer(String system, String user) {
                asked.add(user);
                return "not the JSON asked for";
            }
        };
        assertThat(Replay.run(List.of("--policy", changed.toString()), PolicyLoader.builtIn(), "the built-in example", Optional.of(model), url,
                Clock.fixed(NOW, ZoneOffset.UTC), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).as(err()).isZero();

        assertThat(asked).as("six unrestricted cases, under each policy").hasSize(12)
                .anyMatch(u -> u.contains("A voice clone of a candidate")).noneMatch(u -> u.contains("Subpoena"));
        assertThat(out()).startsWith("Replay of 7 cases opened since 2026-08-30 (90d), suggestions from fake:model"
                + " (the keywords where a policy keeps a restricted case's text from it)")
                .contains("note: the model failed on 6 (current) and 6 (new) of the suggestions, which the keywords made instead"
                        + " (the first: the model's answer was not the JSON asked for)");
    }

    @Test
    void a_new_policy_without_triage_is_said_to_triage_nothing() throws IOException {
        Path none = dir.resolve("none.yml");
        String example = Files.readString(this.example);
        Files.writeString(none, example.replaceAll("(?ms)^triage:\n.*?(?=^\\S)", ""));
        assertThat(Files.readString(none)).doesNotContain("severity_keywords");

        assertThat(replay("--policy", none.toString())).as(err()).isZero();

        assertThat(out()).contains("applied at once                               2        0",
                "note: the new policy has no triage section, so the bot would triage nothing under it;"
                        + " its column is what its keywords would say, all held");
    }

    @Test
    void an_empty_database_has_nothing_to_replay() {
        url = "jdbc:h2:file:" + dir.resolve("empty");
        assertThat(replay("--policy", changed.toString())).as(err()).isZero();

        assertThat(out()).contains("Replay of 0 cases", "No cases to replay: nothing would change.");
    }

    @Test
    void a_window_not_in_days_is_refused_naming_the_option() {
        for (String since : List.of("3 months", "0d", "90", "-5d", "12w")) {
            err.reset();
            assertThat(replay("--policy", changed.toString(), "--since", since)).as(since).isEqualTo(2);
            assertThat(err()).isEqualTo("escalate replay: --since takes a number of days, such as 30d or 90d, not \"" + since + "\""
                    + System.lineSeparator());
        }
        assertThat(out()).isEmpty();
    }

    @Test
    void a_missing_or_broken_policy_is_refused_in_one_line() throws IOException {
        assertThat(replay("--policy", dir.resolve("no-such.yml").toString())).isEqualTo(2);
        assertThat(err()).isEqualTo("escalate replay: --policy names no readable file: " + dir.resolve("no-such.yml") + System.lineSeparator());

        err.reset();
        Path broken = dir.resolve("broken.yml");
        Files.writeString(broken, replaced(Files.readString(example), "then: hold", "then: maybe"));
        assertThat(replay("--policy", broken.toString())).isEqualTo(2);
        assertThat(err()).startsWith("escalate replay: --policy (" + broken + "): ").contains("line").hasLineCount(1);

        for (List<String> args : List.of(List.<String>of(), List.of("--since", "30d"), List.of("--policy"), List.of("--policy", "a.yml", "--dry-run"))) {
            err.reset();
            assertThat(Replay.run(args, PolicyLoader.builtIn(), "the built-in example", Optional.empty(), url, Clock.fixed(NOW, ZoneOffset.UTC),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))).as("%s", args).isEqualTo(2);
            assertThat(err()).startsWith("escalate replay: usage: replay --policy FILE").hasLineCount(1);
        }
        assertThat(out()).isEmpty();
    }
}
