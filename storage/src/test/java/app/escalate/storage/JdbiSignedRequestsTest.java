package app.escalate.storage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JdbiSignedRequestsTest {
    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_signature_is_recorded_once_however_it_arrives_and_forgotten_when_too_old(DatabaseKind kind) {
        try (Database db = kind.open()) {
            JdbiSignedRequests store = new JdbiSignedRequests(db.jdbi());

            assertThat(store.firstTime("v0=one", T0)).isTrue();
            assertThat(store.firstTime("v0=one", T0)).isFalse();
            store.recordAll(Map.of("v0=one", T0, "v0=two", T0.plusSeconds(1), "v0=old", T0.minus(JdbiSignedRequests.KEEP)));
            assertThat(store.firstTime("v0=two", T0)).isFalse();

            assertThat(store.since(T0.minusSeconds(1))).containsOnlyKeys("v0=one", "v0=two");
            store.forgetBefore(T0);
            assertThat(store.since(Instant.EPOCH)).containsOnlyKeys("v0=one", "v0=two");
            store.forgetBefore(T0.plusSeconds(1));
            assertThat(store.since(Instant.EPOCH)).containsOnlyKeys("v0=two");
        }
    }
}
