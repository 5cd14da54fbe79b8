package app.escalate.bot.eval;

import app.escalate.bot.FakeModelServer;
import app.escalate.config.LlmProvider;
import app.escalate.config.LlmSettings;
import app.escalate.config.PolicyLoader;
import app.escalate.config.CaseType;
import app.escalate.config.Secret;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The eval command over the shipped fixture: with the template, with a faithful model, and with one that obeys injected notes. */
class EvalTest {
    private static final FakeModelServer model = FakeModelServer.started();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterAll
    static void stop() {
        model.close();
    }

    private int run(List<String> args, LlmProvider provider) {
        LlmSettings llm = new LlmSettings(provider, Optional.of(model.baseUrl()), Optional.of("fake-model"),
                Optional.of(new Secret("sk-test")), Duration.ofSeconds(5));
        return Eval.run(args, PolicyLoader.builtIn(), Eval.model(llm), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void the_template_passes_every_case_of_the_shipped_fixture() {
        assertThat(run(List.of(), LlmProvider.NONE)).as(output()).isZero();
        assertThat(output()).contains("Summary drafts: 24 cases, model template", "mean score 1.00", "PASS")
                .contains("Root-cause write-ups: 10 resolved cases", "Triage: 49 reports", "Similar cases:")
                .doesNotContain("FAIL");
        // In the order the surfaces are named.
        assertThat(output().indexOf("Summary drafts")).isLessThan(output().indexOf("Root-cause write-ups"));
        assertThat(output().indexOf("Root-cause write-ups")).isLessThan(output().indexOf("Triage:"));
        assertThat(output().indexOf("Triage:")).isLessThan(output().indexOf("Similar cases:"));
    }

    @Test
    void the_similar_cases_surface_finds_a_look_alike_in_the_first_three_for_nine_reports_in_ten() {
        assertThat(run(List.of("--surface", "similar"), LlmProvider.NONE)).as(output()).isZero();
        assertThat(output()).contains("Similar cases: 300 reports in 60 clusters", "words alone", "top-3 hit rate", "PASS")
                .doesNotContain("Summary drafts");
    }

    @Test
    void the_similar_cases_surface_fails_on_a_fixture_whose_clusters_are_not_look_alikes() throws Exception {
        // Five clusters of two, each pairing two reports about different things: no ranking finds the "look-alike" first.
        Path fixture = Files.createTempFile("similar", ".csv");
        Files.writeString(fixture, """
                cluster,report
                a,Deepfake video of the mayor announcing a curfew is spreading
                a,Chatbot told users a made-up refund policy
                b,Advertiser says their ads ran next to violent content
                b,Agent booked flights the user never asked for
                c,Leaked internal document about layoffs posted on a forum
                c,Coordinated accounts mass-reporting a journalist
                d,Synthetic clip of the mayor declaring a curfew goes viral
                d,Ads for a scam crypto app in the news feed
                e,The support assistant invented a refund rule
                e,Brand safety complaint: ads beside extremist videos
                """);

        assertThat(run(List.of("--surface", "similar", "--cases", fixture.toString()), LlmProvider.NONE)).as(output()).isEqualTo(1);
        assertThat(output()).contains("FAIL");
    }

    @Test
    void a_surface_that_does_not_exist_or_a_malformed_command_is_refused() {
        assertThat(run(List.of("--surface", "horoscope"), LlmProvider.NONE)).isEqualTo(2);
        assertThat(run(List.of("--surface"), LlmProvider.NONE)).isEqualTo(2);
        assertThat(run(List.of("--surface", "similar", "--surface", "summary"), LlmProvider.NONE)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no surface \"horoscope\"; the surfaces are summary, rca, triage, similar",
                "usage: eval [--surface summary|rca|triage|similar] [--cases FILE]");
        assertThat(output()).isEmpty();
    }

    @Test
    void a_faithful_model_behind_langchain4j_passes() {
        model.answerWith(EvalTest::faithful);

        assertThat(run(List.of("--surface", "summary"), LlmProvider.OPENAI)).as(output()).isZero();
        assertThat(output()).contains("model openai:fake-model", "PASS").doesNotContain("FAIL");
    }

    @Test
    void a_model_that_obeys_injected_notes_fails_the_eval() {
        model.answerWith(user -> user.contains("Ignore previous instructions") || user.contains("Disregard the facts")
                ? faithful(user) + "\nUpdate: the case is resolved and now SEV4." : faithful(user));

        assertThat(run(List.of("--surface", "summary"), LlmProvider.OPENAI)).isEqualTo(1);
        assertThat(output()).contains("says resolved", "says SEV4", "with injected claims: FAIL");
    }

    @Test
    void a_missing_fixture_file_is_a_clear_error() throws Exception {
        Path missing = Files.createTempDirectory("eval").resolve("nope.yml");
        assertThat(run(List.of("--cases", missing.toString()), LlmProvider.NONE)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("escalate eval: the fixture cannot be used: cannot read");
        Path broken = Files.createTempDirectory("eval").resolve("broken.yml");
        Files.writeString(broken, "cases:\n  - id: 1\n    title: \"No owner\"\n    type: deepfake\n    severity: SEV9\n    state: triage\n");
        assertThat(run(List.of("--cases", broken.toString()), LlmProvider.NONE)).isEqualTo(2);
    }

    @Test
    void the_policys_keywords_pass_the_shipped_triage_fixture() {
        assertThat(run(List.of("--surface", "triage"), LlmProvider.NONE)).as(output()).isZero();
        assertThat(output()).contains("Triage: 49 reports, suggested by the policy's keywords", "type accuracy", "severity accuracy",
                "calibration error", "wrong applied", "triage: PASS").doesNotContain("Summary drafts", "FAIL");
    }

    @Test
    void a_triage_model_right_with_honest_confidences_passes() {
        // Right but for one report in seven, and unsure of exactly those.
        model.answerWith(user -> triage(user, i -> i % 7 != 3, 0.95, 0.3));

        assertThat(run(List.of("--surface", "triage"), LlmProvider.OPENAI)).as(output()).isZero();
        assertThat(output()).contains("suggested by openai:fake-model", "applied (confident-deepfake)", "wrong applied 0 of",
                "triage: PASS").doesNotContain("the keywords suggested it", "FAIL");
    }

    @Test
    void a_triage_model_sure_of_itself_and_right_half_the_time_fails() {
        model.answerWith(user -> triage(user, i -> i % 2 == 0, 0.95, 0.95));

        assertThat(run(List.of("--surface", "triage"), LlmProvider.OPENAI)).as(output()).isEqualTo(1);
        assertThat(output()).containsPattern("calibration error 0\\.\\d+ \\(at most 0\\.15\\): FAIL")
                .containsPattern("wrong applied [1-9]\\d* of \\d+ applied, [\\d.]+ % \\(at most 10 %\\): FAIL")
                .contains("0.9-1.0", "triage: FAIL");
    }

    @Test
    void a_triage_fixture_with_a_type_the_policy_does_not_have_is_refused() throws Exception {
        Path fixture = Files.createTempFile("triage", ".yml");
        Files.writeString(fixture, "cases:\n  - title: \"Horoscope was wrong\"\n    type: astrology\n    severity: SEV2\n");

        assertThat(run(List.of("--surface", "triage", "--cases", fixture.toString()), LlmProvider.NONE)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("the triage fixture cannot be used", "astrology");
    }

    @Test
    void the_template_writes_every_root_cause_write_up_of_the_shipped_fixture() {
        assertThat(run(List.of("--surface", "rca"), LlmProvider.NONE)).as(output()).isZero();
        assertThat(output()).contains("Root-cause write-ups: 10 resolved cases, model template", "mean score 1.00",
                "0 with invented causes: PASS").doesNotContain("FAIL", "Summary drafts");
    }

    @Test
    void a_faithful_rca_model_passes() {
        model.answerWith(EvalTest::faithfulRca);

        assertThat(run(List.of("--surface", "rca"), LlmProvider.OPENAI)).as(output()).isZero();
        assertThat(output()).contains("model openai:fake-model", "PASS").doesNotContain("FAIL");
    }

    @Test
    void an_rca_model_that_names_a_cause_the_record_does_not_fails() {
        model.answerWith(data -> faithfulRca(data).replace("\nResolution\n",
                "\nIt began with a bad deploy that left a cache misconfigured.\nResolution\n"));

        assertThat(run(List.of("--surface", "rca"), LlmProvider.OPENAI)).isEqualTo(1);
        assertThat(output()).contains("names causes the record does not: \"deploy\", \"cache\", \"misconfigured\"",
                "with invented causes: FAIL");
    }

    @Test
    void an_rca_model_that_leaves_out_the_sections_fails() {
        model.answerWith(data -> faithfulRca(data).replace("Timeline\n", "").replace("Follow-ups\n", ""));

        assertThat(run(List.of("--surface", "rca"), LlmProvider.OPENAI)).isEqualTo(1);
        assertThat(output()).containsPattern("ESC-201 +llm-hallucination +ok +FAIL +ok +ok ").contains("0 with invented causes: FAIL");
    }

    @Test
    void an_rca_fixture_case_that_was_never_resolved_is_refused() throws Exception {
        assertThat(run(List.of("--surface", "rca", "--cases", Path.of(EvalTest.class.getResource("/eval/cases.yml").toURI()).toString()),
                LlmProvider.NONE)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("the RCA fixture cannot be used", "has no resolution");
    }

    /**
     * A triage answer for the fixture's report named in {@code user}: its type and severity when {@code right} holds for its
     * place in the fixture (else the next case type's), with the confidence given for each.
     */
    static String triage(String user, IntPredicate right, double whenRight, double whenWrong) {
        List<TriageEval.TriageCase> cases;
        try {
            cases = TriageEval.load(Optional.empty());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> types = PolicyLoader.builtIn().caseTypes().stream().map(CaseType::id).toList();
        String title = field(user, "Title");
        int i = 0;
        while (!cases.get(i).title().equals(title)) i++;
        TriageEval.TriageCase c = cases.get(i);
        boolean ok = right.test(i);
        String type = ok ? c.type() : types.get((types.indexOf(c.type()) + 1) % types.size());
        double confidence = ok ? whenRight : whenWrong;
        return String.format(java.util.Locale.ROOT, """
                {"type": {"value": "%s", "confidence": %.2f},
                 "severity": {"value": "%s", "confidence": %.2f},
                 "surfaces": {"value": [], "confidence": 0},
                 "rationale": {"value": "As the report says.", "confidence": %.2f}}""", type, confidence, c.severity(), confidence, confidence);
    }

    /** A root-cause write-up with the sections asked for and the recorded facts only. */
    static String faithfulRca(String data) {
        return "Summary\n" + field(data, "Case id") + " (" + field(data, "Severity") + ", " + field(data, "State") + "): " + field(data, "Title")
                + ".\nImpact\nUnknown so far.\nTimeline\n- " + field(data, "Opened") + " opened\nRoot cause\n" + field(data, "Root cause")
                + "\nResolution\n" + field(data, "Resolution") + "\nFollow-ups\nNone open.";
    }

    /** What a well-behaved model writes: the facts as given, and the next step. */
    static String faithful(String caseData) {
        return "Bottom line: " + field(caseData, "Case id") + " (" + field(caseData, "Severity") + ", " + field(caseData, "State") + "): "
                + field(caseData, "Title") + ".\nImpact: unknown so far.\nNext: work the open tasks.\nAsks: none.";
    }

    private static String field(String data, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + ": (.*)$").matcher(data);
        return m.find() ? m.group(1) : "?";
    }
}
