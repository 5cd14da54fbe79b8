package app.escalate.bot.search;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On 300 escalation reports in 60 clusters of five paraphrases, a report's look-alike is among the
 * first three found for at least nine queries in ten when meaning counts; words alone are the baseline.
 */
class RecallCheckTest {

    @Test
    void a_paraphrased_report_is_in_the_top_three_for_nine_queries_in_ten() throws IOException {
        List<RecallCheck.Labelled> reports = fixture();

        RecallCheck.Result result = RecallCheck.measure(reports, MiniLmEmbedder.loading(), 3);

        assertThat(result.queries()).isEqualTo(300);
        assertThat(result.mixed()).as("mixed: %s", result).isGreaterThanOrEqualTo(0.90);
        assertThat(result.meaning()).as("meaning alone: %s", result).isGreaterThanOrEqualTo(0.90);
        assertThat(result.mixed()).as("the mix against words alone: %s", result).isGreaterThan(result.words());
    }

    static List<RecallCheck.Labelled> fixture() throws IOException {
        try (InputStream in = RecallCheckTest.class.getResourceAsStream("/eval/similar-cases.csv")) {
            return RecallCheck.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
