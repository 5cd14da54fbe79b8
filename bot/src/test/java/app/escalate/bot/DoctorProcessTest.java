package app.escalate.bot;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code doctor} as an operator or a deploy script runs it: a process of its own, judged by its exit status. */
class DoctorProcessTest {
    private record Run(int status, String out) {
    }

    @Test
    void exits_1_with_the_fix_until_the_bot_is_invited_then_0() throws Exception {
        try (FakeSlackApi slack = new FakeSlackApi()) {
            slack.botIn("escalations");
            slack.withoutBot("esc-leadership");

            Run before = doctor(slack);
            assertThat(before.status()).isEqualTo(1);
            assertThat(before.out()).contains("problem: Invite @Escalate to #esc-leadership (type `/invite @Escalate` there).");

            slack.botIn("esc-leadership");
            Run after = doctor(slack);
            assertThat(after.status()).as(after.out()).isZero();
            assertThat(after.out().lines()).isNotEmpty().allMatch(line -> line.startsWith("ok: "));
        }
    }

    private static Run doctor(FakeSlackApi slack) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                Escalate.class.getName(), "doctor"));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("LLM_") || k.equals("ESCALATE_CONFIG"));
        env.putAll(Map.of("SLACK_BOT_TOKEN", BotHarness.TOKEN, "SLACK_SIGNING_SECRET", BotHarness.SECRET, "SLACK_API_URL", slack.apiUrl()));
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("doctor finished").isTrue();
        return new Run(process.exitValue(), out);
    }
}
