package app.escalate.commands.intake;

import app.escalate.commands.Severity;
import app.escalate.config.IntakeSource;
import app.escalate.config.Policy;
import app.escalate.config.PolicyLoader;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class IntakeBodyTest {
    private static final Policy POLICY = PolicyLoader.builtIn();
    private static final IntakeSource SOURCE = new IntakeSource("trust-classifier", "INTAKE_X", List.of("deepfake"), 10);

    private static Map<String, Object> body() {
        Map<String, Object> body = new HashMap<>();
        body.put("source", "trust-classifier");
        body.put("dedup_key", "cluster-1");
        body.put("type", "deepfake");
        body.put("title", "Face swap of a public figure");
        body.put("fields", Map.of("depicted", "Public figure", "spread", 12000L));
        return body;
    }

    private static IntakeBody.Checked check(Map<String, Object> body) {
        return IntakeBody.check(body, SOURCE, POLICY);
    }

    @Test
    void a_whole_report_becomes_the_open_command_with_its_key_and_fields_as_they_are_kept() {
        Map<String, Object> body = body();
        body.put("severity", "sev1");
        body.put("link", "https://classifier.example/runs/1");

        IntakeBody.Checked checked = check(body);

        assertThat(checked).isInstanceOf(IntakeBody.Accepted.class);
        IntakeReport report = ((IntakeBody.Accepted) checked).report();
        assertThat(report.dedupKey()).isEqualTo("cluster-1");
        assertThat(report.link()).contains("https://classifier.example/runs/1");
        assertThat(report.open().severity()).contains(Severity.SEV1);
        assertThat(report.open().caseType()).contains("deepfake");
        assertThat(report.open().fields()).containsEntry("spread", "12000").containsEntry("depicted", "Public figure");
    }

    @Test
    void without_a_severity_the_type_decides_as_for_a_typed_open() {
        assertThat(((IntakeBody.Accepted) check(body())).report().open().severity()).isEqualTo(Optional.empty());
    }

    @Test
    void each_fault_names_its_field() {
        assertThat(fault(without("title"))).isEqualTo("title");
        assertThat(fault(with("title", "x".repeat(151)))).isEqualTo("title");
        assertThat(fault(with("title", 42L))).isEqualTo("title");
        assertThat(fault(with("severity", "SEV5"))).isEqualTo("severity");
        assertThat(fault(without("dedup_key"))).isEqualTo("dedup_key");
        assertThat(fault(with("dedup_key", "a\nb"))).isEqualTo("dedup_key");
        assertThat(fault(with("link", "javascript:alert(1)"))).isEqualTo("link");
        assertThat(fault(with("fields", Map.of("colour", "red")))).isEqualTo("fields.colour");
        assertThat(fault(with("fields", Map.of("depicted", "Somebody")))).isEqualTo("fields.depicted");
        assertThat(fault(with("fields", Map.of("spread", "many")))).isEqualTo("fields.spread");
        assertThat(fault(with("fields", List.of("depicted")))).isEqualTo("fields");
        assertThat(fault(with("priority", "high"))).isEqualTo("priority");
        assertThat(fault(without("type"))).isEqualTo("type");
    }

    @Test
    void a_type_the_source_may_not_open_is_not_allowed_rather_than_malformed() {
        assertThat(check(with("type", "civic-event"))).isInstanceOf(IntakeBody.NotAllowed.class);
    }

    private static String fault(Map<String, Object> body) {
        IntakeBody.Checked checked = check(body);
        assertThat(checked).isInstanceOf(IntakeBody.BadField.class);
        return ((IntakeBody.BadField) checked).field();
    }

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> body = body();
        body.put(key, value);
        return body;
    }

    private static Map<String, Object> without(String key) {
        Map<String, Object> body = body();
        body.remove(key);
        return body;
    }
}
