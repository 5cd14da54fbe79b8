package app.escalate.bot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Start-up refusals: one line naming what to fix, never a stack trace. */
class EscalateMainTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env) throws Exception {
        return Escalate.run(env, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_bad_port_stops_start_up_with_one_line_naming_the_variable() throws Exception {
        assertThat(run(Map.of("PORT", "abc"))).isEqualTo(2);
        assertThat(printed()).isEqualTo("escalate: PORT must be a whole number from 0 to 65535, got \"abc\"" + System.lineSeparator());
    }

    @Test
    void eval_export_reads_the_database_the_environment_names(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Escalate.eval(Map.of("DATABASE_URL", "jdbc:h2:file:" + dir.resolve("db")), java.util.List.of("export", "--to",
                dir.resolve("out").toString()), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(printed()).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Tagged overrides since 30d", "none tagged in the window.");
    }

    @Test
    void an_unreadable_policy_file_stops_start_up_naming_the_variable() throws Exception {
        assertThat(run(Map.of("ESCALATE_CONFIG", "/no/such/policy.yml"))).isEqualTo(2);
        assertThat(printed()).startsWith("escalate: ESCALATE_CONFIG names no readable file").hasLineCount(1);
    }

    @Test
    void a_policy_file_with_a_bad_key_names_the_key_and_line(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("policy.yml");
        Files.writeString(policy, """
                workspace:
                  team_channel: "#escalations"
                  leadership_channel: "#esc-leadership"
                  chanel_prefix: esc
                """);
        assertThat(run(Map.of("ESCALATE_CONFIG", policy.toString()))).isEqualTo(2);
        assertThat(printed()).contains("ESCALATE_CONFIG", "workspace.chanel_prefix: unknown key (line 4)").hasLineCount(1);
    }

    @Test
    void a_decision_tree_whose_answer_leads_nowhere_stops_start_up_with_its_key_path(@TempDir Path dir) throws Exception {
        String example;
        try (var in = getClass().getResourceAsStream("/policy.example.yml")) {
            example = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Path policy = dir.resolve("policy.yml");
        Files.writeString(policy, example.replace("next: reach", "next: reech"));
        assertThat(run(Map.of("ESCALATE_CONFIG", policy.toString()))).isEqualTo(2);
        assertThat(printed()).contains("ESCALATE_CONFIG", "case_types[0].decision_tree: questions.harm.answers[0].next: no question \"reech\"")
                .hasLineCount(1);
    }

    @Test
    void a_port_already_in_use_stops_start_up_with_one_line(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int status = run(Map.of("SLACK_BOT_TOKEN", "xoxb-t", "SLACK_SIGNING_SECRET", "s",
                    "PORT", Integer.toString(taken.getLocalPort()), "SLACK_API_URL", "http://127.0.0.1:9/api/",
                    "DATABASE_URL", "jdbc:h2:file:" + dir.resolve("escalate")));

            assertThat(status).isEqualTo(1);
            assertThat(printed()).startsWith("escalate: could not start: ").contains(Integer.toString(taken.getLocalPort()))
                    .hasLineCount(1);
        }
    }

    @Test
    void without_slack_credentials_it_starts_the_sandbox_which_also_says_so_in_one_line_when_it_cannot(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            int status = run(Map.of("PORT", Integer.toString(taken.getLocalPort()), "DATABASE_URL", "jdbc:h2:file:" + dir.resolve("escalate")));

            assertThat(status).isEqualTo(1);
            assertThat(printed()).startsWith("escalate: could not start: ").contains(Integer.toString(taken.getLocalPort())).hasLineCount(1);
        }
    }

    @Test
    void a_first_start_on_a_full_disk_says_so_in_one_line_and_the_bot_starts_once_there_is_room(@TempDir Path dir) throws Exception {
        String url = app.escalate.storage.FullDisk.url(dir.resolve("escalate"));
        app.escalate.storage.FullDisk.roomFor(60_000);
        int status;
        try {
            status = run(Map.of("PORT", "0", "DATABASE_URL", url));
        } finally {
            app.escalate.storage.FullDisk.makeRoom();
        }

        assertThat(status).isEqualTo(1);
        // Then the system's "(No space left on device)" when the write error is still at hand (it is not when H2 closed the database over it).
        assertThat(printed()).startsWith("escalate: could not start: cannot write the H2 database " + url.substring("jdbc:h2:".length())
                + ".mv.db (is the disk full?)").hasLineCount(1).doesNotContain("Flyway", "lock");
        try (EscalateApp bot = EscalateApp.start(app.escalate.config.BotSettings.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-t",
                "SLACK_SIGNING_SECRET", "s", "PORT", "0", "DATABASE_URL", url)), app.escalate.config.PolicyLoader.builtIn(),
                java.time.Clock.systemUTC())) {
            assertThat(bot.port()).isPositive();
        }
    }
}
