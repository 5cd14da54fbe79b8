package app.escalate.commands.search;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SearchQueryTest {

    @Test
    void reads_the_words_and_every_filter() {
        var parsed = SearchQuery.parse("deepfake of a candidate type:deepfake sev:1 state:resolved since:2026-03-01");

        assertThat(parsed).isEqualTo(new SearchQuery.Valid(new SearchQuery("deepfake of a candidate", Optional.of("deepfake"),
                Optional.of(1), Optional.of(false), Optional.of(LocalDate.of(2026, 3, 1)))));
    }

    @Test
    void refuses_filters_it_cannot_read_and_a_query_without_words() {
        assertThat(SearchQuery.parse("leak sev:7")).isInstanceOf(SearchQuery.Invalid.class);
        assertThat(SearchQuery.parse("leak state:closed")).isInstanceOf(SearchQuery.Invalid.class);
        assertThat(SearchQuery.parse("leak since:yesterday")).isInstanceOf(SearchQuery.Invalid.class);
        assertThat(SearchQuery.parse("sev:1")).isEqualTo(new SearchQuery.Invalid(SearchQuery.USAGE));
    }

    @Test
    void words_are_lower_cased_stemmed_and_common_ones_dropped() {
        assertThat(SearchText.words("The accounts were LEAKED in a phishing wave")).containsExactly("account", "leak", "phish", "wave");
    }
}
