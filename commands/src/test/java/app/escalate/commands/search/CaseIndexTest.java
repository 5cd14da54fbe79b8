package app.escalate.commands.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CaseIndexTest {

    private static float[] v(float... xs) {
        return xs;
    }

    @Test
    void words_alone_rank_the_case_with_the_rarer_word_first() {
        CaseIndex index = new CaseIndex(2);
        index.put(1, "chatbot outage in the help centre", v(1, 0));
        index.put(2, "deepfake video of a candidate", v(0, 1));
        index.put(3, "chatbot gave a wrong refund policy", v(1, 1));

        List<Ranked> ranked = index.rank("deepfake chatbot", v(1, 0), 0, id -> true, 10);

        assertThat(ranked).extracting(Ranked::caseNumber).containsExactly(2L, 1L, 3L);
        assertThat(ranked.get(0).words()).isEqualTo(1.0);
    }

    @Test
    void meaning_alone_ranks_by_cosine_even_without_a_shared_word() {
        CaseIndex index = new CaseIndex(2);
        index.put(1, "synthetic clip of the mayor", v(0.1f, 1));
        index.put(2, "refund bot invented a policy", v(1, 0.1f));

        List<Ranked> ranked = index.rank("deepfake", v(0, 1), 1, id -> true, 10);

        assertThat(ranked).extracting(Ranked::caseNumber).containsExactly(1L, 2L);
        assertThat(ranked.get(0).meaning()).isCloseTo(0.995, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void the_mix_lets_a_typed_word_lift_a_case_of_close_meaning() {
        CaseIndex index = new CaseIndex(2);
        index.put(1, "advertiser complains about brand safety", v(1, 0.30f));
        index.put(2, "advertiser Acme complains about placement", v(1, 0.32f));

        assertThat(index.rank("acme", v(1, 0.3f), 1, id -> true, 10).get(0).caseNumber()).isEqualTo(1L);
        assertThat(index.rank("acme", v(1, 0.3f), CaseIndex.SEARCH_WEIGHT, id -> true, 10).get(0).caseNumber()).isEqualTo(2L);
    }

    @Test
    void a_case_put_again_is_ranked_by_its_new_text_and_filtered_cases_are_left_out() {
        CaseIndex index = new CaseIndex(2);
        index.put(1, "login failures", v(1, 0));
        index.put(2, "account takeover wave", v(0, 1));
        index.put(1, "account takeover through password reset", v(0, 1));

        assertThat(index.size()).isEqualTo(2);
        assertThat(index.rank("password reset", v(0, 1), 0, id -> true, 10)).extracting(Ranked::caseNumber).containsExactly(1L);
        assertThat(index.rank("account takeover", v(0, 1), 0.5, id -> id != 1, 10)).extracting(Ranked::caseNumber).containsExactly(2L);
    }

    @Test
    void only_the_limit_best_are_returned() {
        CaseIndex index = new CaseIndex(2);
        for (int i = 1; i <= 50; i++) index.put(i, "case " + i, v(1, i / 50f));

        assertThat(index.rank("case", v(1, 1), 1, id -> true, 3)).extracting(Ranked::caseNumber).containsExactly(50L, 49L, 48L);
    }
}
