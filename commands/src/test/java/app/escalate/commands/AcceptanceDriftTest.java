package app.escalate.commands;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AcceptanceDriftTest {
    /** {@code yes} verdicts that went the AI's way and {@code no} that did not, in that order. */
    private static List<Boolean> verdicts(int yes, int no) {
        List<Boolean> out = new ArrayList<>(Collections.nCopies(yes, true));
        out.addAll(Collections.nCopies(no, false));
        return out;
    }

    private static List<Boolean> concat(List<Boolean> a, List<Boolean> b) {
        List<Boolean> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Test
    void twenty_verdicts_against_after_twenty_for_is_a_drop_from_all_to_none() {
        assertThat(AcceptanceDrift.of(verdicts(20, 20))).contains(new AcceptanceDrift.Drop(0, 1, 40));
        assertThat(AcceptanceDrift.of(verdicts(20, 20)).orElseThrow().describe("kept", "verdicts"))
                .isEqualTo("kept over the last 20 verdicts is 0%, against 100% before them.");
    }

    @Test
    void nothing_is_said_before_there_are_two_windows_of_verdicts() {
        assertThat(AcceptanceDrift.of(verdicts(19, 20))).isEmpty();
        assertThat(AcceptanceDrift.of(List.of())).isEmpty();
    }

    @Test
    void a_drop_of_exactly_twenty_five_points_counts_and_less_does_not() {
        // before: 15 of 20 (75%); latest: 10 of 20 (50%), then 11 of 20 (55%).
        assertThat(AcceptanceDrift.of(concat(verdicts(15, 5), verdicts(10, 10)))).contains(new AcceptanceDrift.Drop(0.5, 0.75, 40));
        assertThat(AcceptanceDrift.of(concat(verdicts(15, 5), verdicts(11, 9)))).isEmpty();
        assertThat(AcceptanceDrift.of(verdicts(0, 40))).as("never kept: nothing to fall from").isEmpty();
    }

    @Test
    void the_team_is_told_once_then_again_only_after_a_whole_window_more() {
        AcceptanceDrift.Drop at40 = new AcceptanceDrift.Drop(0, 1, 40);
        assertThat(AcceptanceDrift.due(at40, 0)).isTrue();
        assertThat(AcceptanceDrift.due(at40, 40)).isFalse();
        assertThat(AcceptanceDrift.due(new AcceptanceDrift.Drop(0, 1, 59), 40)).isFalse();
        assertThat(AcceptanceDrift.due(new AcceptanceDrift.Drop(0, 1, 60), 40)).isTrue();
    }
}
