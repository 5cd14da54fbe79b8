package app.escalate.bot.eval;

import app.escalate.commands.Case;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.NewCase;
import app.escalate.commands.Opening;
import app.escalate.commands.Severity;
import app.escalate.commands.UserId;
import app.escalate.config.PolicyLoader;
import app.escalate.storage.Database;
import app.escalate.storage.JdbiCaseStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
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

class EvalExportTest {
    private static final Instant T0 = Instant.parse("2026-11-28T03:00:00Z");
    private static final UserId MARIA = new UserId("U0ESCMARIA");
    private static final Clock NOW = Clock.fixed(T0.plus(Duration.ofDays(2)), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int export(JdbiCaseStore cases, String... args) {
        out.reset();
        err.reset();
        return EvalExport.run(List.of(args), cases, NOW, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static Case open(JdbiCaseStore cases, String title, boolean restricted, Duration after) {
        return cases.open(new NewCase(title, Severity.SEV2, Optional.of("deepfake"), Optional.empty(), Optional.of("Spreading on two video sites"),
                MARIA, T0.plus(after), restricted), c -> Opening.of(List.of()));
    }

    private static void record(JdbiCaseStore cases, Case c, Duration after, EventData data) {
        cases.change(c.id(), f -> new Decision.Applied(f, List.of(new CaseEvent(c.id(), T0.plus(after), MARIA, data)), List.of()));
    }

    private static EventData tag(String surface, String subject, String mode) {
        return new EventData.FailureTagged(surface, subject, surface.equals("triage") ? "keywords" : "exec-summary.v1", Optional.empty(), mode,
                mode);
    }

    @Test
    void tagged_drafts_become_cases_of_their_surfaces_fixture_that_eval_reads_and_restricted_cases_only_when_asked() throws Exception {
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("db"))) {
            JdbiCaseStore cases = new JdbiCaseStore(db.jdbi());
            Case minister = open(cases, "Deepfake of a minister", false, Duration.ZERO);
            record(cases, minister, Duration.ofMinutes(5), new EventData.NoteAdded("Host acknowledged our takedown request"));
            record(cases, minister, Duration.ofMinutes(30), tag("summary", "draft:1", "tone"));
            record(cases, minister, Duration.ofMinutes(31), tag("summary", "draft:1", "invented-fact"));   // changed: the latest stands
            Case secret = open(cases, "Regulator's request about a minor", true, Duration.ofMinutes(1));
            record(cases, secret, Duration.ofMinutes(30), tag("summary", "draft:2", "leaked-restricted-detail"));
            Case triaged = open(cases, "Odd dashboards", false, Duration.ofMinutes(2));
            record(cases, triaged, Duration.ofMinutes(30), tag("triage", "triage", "wrong-severity"));
            Case old = open(cases, "Last month's case", false, Duration.ofDays(-40));
            record(cases, old, Duration.ofDays(-39), tag("rca", "draft:3", "tone"));

            Path to = dir.resolve("export");
            assertThat(export(cases, "--since", "30d", "--to", to.toString())).isEqualTo(0);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("summary-cases.yml: 1 case", "triage-cases.yml: 1 case")
                    .doesNotContain("rca-cases.yml");
            assertThat(Files.readString(to.resolve("triage-cases.yml"))).contains("# ESC-3: triage (keywords) tagged wrong-severity",
                    "title: Odd dashboards", "type: deepfake", "severity: SEV2");
            int triage = Eval.run(List.of("--surface", "triage", "--cases", to.resolve("triage-cases.yml").toString()), PolicyLoader.builtIn(),
                    Optional.empty(), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(triage).as(err.toString(StandardCharsets.UTF_8)).isIn(0, 1);
            String yaml = Files.readString(to.resolve("summary-cases.yml"));
            assertThat(yaml).contains("# ESC-1: draft:1 (exec-summary.v1) tagged invented-fact by U0ESCMARIA", "title: Deepfake of a minister",
                    "Host acknowledged our takedown request", "description: Spreading on two video sites")
                    .doesNotContain("tagged tone", "Regulator", "Odd dashboards");
            assertThat(Files.exists(to.resolve("rca-cases.yml"))).as("tagged before the window").isFalse();

            List<EvalCase> read = Eval.load(Optional.of(to.resolve("summary-cases.yml")), Eval.BUILT_IN);
            assertThat(read).extracting(EvalCase::title).containsExactly("Deepfake of a minister");
            assertThat(read.get(0).file().details().id()).isEqualTo(minister.id());
            int scored = Eval.run(List.of("--surface", "summary", "--cases", to.resolve("summary-cases.yml").toString()), PolicyLoader.builtIn(),
                    Optional.empty(), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(scored).as(err.toString(StandardCharsets.UTF_8)).isIn(0, 1);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("ESC-1 ");

            assertThat(export(cases, "--since", "30d", "--include-restricted", "--to", to.toString())).isEqualTo(0);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("summary-cases.yml: 2 cases", "(restricted cases included)");
            assertThat(Files.readString(to.resolve("summary-cases.yml"))).contains("Regulator's request about a minor", "restricted: true");

            // A later run with nothing in its window leaves no earlier file behind, restricted facts and all.
            assertThat(export(cases, "--since", "1d", "--to", to.toString())).isEqualTo(0);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("none tagged in the window.");
            assertThat(Files.exists(to.resolve("summary-cases.yml"))).isFalse();
            assertThat(Files.exists(to.resolve("triage-cases.yml"))).isFalse();
        }
    }

    @Test
    void a_window_it_cannot_read_or_an_unknown_flag_is_refused_and_writes_nothing() throws Exception {
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("db"))) {
            JdbiCaseStore cases = new JdbiCaseStore(db.jdbi());
            assertThat(export(cases, "--since", "a month", "--to", dir.resolve("x").toString())).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: eval export [--since <days>d]", "(a window such as 30d)");
            assertThat(export(cases, "--everything")).isEqualTo(2);
            assertThat(Files.exists(dir.resolve("x"))).isFalse();
            assertThat(export(cases, "--to", dir.resolve("x").toString())).isEqualTo(0);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("none tagged in the window.");
        }
    }
}
