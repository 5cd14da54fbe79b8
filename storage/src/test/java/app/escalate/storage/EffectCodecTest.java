package app.escalate.storage;

import app.escalate.commands.OverdueReview;
import app.escalate.commands.SlackEffect;
import app.escalate.config.Review;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EffectCodecTest {
    @Test
    void every_kind_of_effect_comes_back_from_the_outbox_as_it_went_in_under_a_name_of_its_own() {
        List<SlackEffect> samples = EffectSamples.all();
        assertThat(samples).hasSizeGreaterThanOrEqualTo(30);
        for (SlackEffect effect : samples) {
            EffectCodec.Encoded encoded = EffectCodec.encode(effect);
            assertThat(EffectCodec.decode(encoded.kind(), encoded.payload())).as(encoded.kind()).isEqualTo(effect);
        }
        assertThat(samples.stream().map(e -> EffectCodec.encode(e).kind())).doesNotHaveDuplicates();
    }

    @Test
    void jobs_and_only_jobs_go_to_the_job_worker() {
        for (SlackEffect effect : EffectSamples.all()) {
            assertThat(effect.stream().startsWith(SlackEffect.Job.STREAM_PREFIX)).as(effect.toString())
                    .isEqualTo(effect instanceof SlackEffect.Job);
        }
    }

    @Test
    void a_review_reminder_comes_back_from_the_outbox_as_it_went_in() {
        SlackEffect.ReviewReminder reminder = new SlackEffect.ReviewReminder("escalations", List.of(
                new OverdueReview("Executive summary prompt (exec-summary.v1)", new Review("U0ESCMARIA", LocalDate.of(2027, 2, 26))),
                new OverdueReview("Runbook decision tree of Deepfake / synthetic media", new Review("U0ESCOMAR", LocalDate.of(2027, 2, 28)))));

        EffectCodec.Encoded encoded = EffectCodec.encode(reminder);

        assertThat(EffectCodec.decode(encoded.kind(), encoded.payload())).isEqualTo(reminder);
    }

    @Test
    void a_triage_suggestion_to_show_names_its_case() {
        EffectCodec.Encoded encoded = EffectCodec.encode(new SlackEffect.ShowTriage(new app.escalate.commands.CaseId(12)));
        assertThat(encoded.kind()).isEqualTo("show_triage");
        assertThat(EffectCodec.decode(encoded.kind(), encoded.payload())).isEqualTo(new SlackEffect.ShowTriage(new app.escalate.commands.CaseId(12)));
    }
}
