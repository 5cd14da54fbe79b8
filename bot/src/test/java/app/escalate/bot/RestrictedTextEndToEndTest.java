package app.escalate.bot;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restricted case's text stays with its members: its summary is drafted from the template, and no
 * request to the model carries its title, notes or timeline, unless its case type says
 * {@code ai: allowed}. LangChain4j's real client talks to a local fake model server that records
 * every request.
 */
class RestrictedTextEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CHLOE = "U0ESCCHLOE";
    private static final String AMARA = "U0ESCAMARA";
    private static final FakeModelServer model = FakeModelServer.started();

    /** A second restricted type whose cases the policy allows the model to read. */
    @RegisterExtension
    final BotHarness harness = new BotHarness(yaml -> yaml.replace("\n# Categories a SEV1", """
              - id: public-inquiry
                label: Public regulatory inquiry
                restricted: true
                ai: allowed

            # Categories a SEV1""")).withEnv(model.env("5s"));

    @BeforeEach
    void answers() {
        model.answer("Bottom line: a draft from the model.");
    }

    @AfterAll
    static void stop() {
        model.close();
    }

    @Test
    void a_restricted_case_summary_is_drafted_from_the_template_and_nothing_of_it_reaches_the_model() throws Exception {
        String channel = open("Subpoena for the minister's messages sev2 type:regulatory-request");
        harness.esc(AMARA, channel, "note The court order names account 4471-secret");
        int before = model.requests().size();

        harness.esc(AMARA, channel, "summary");

        FakeSlackApi.Call shown = harness.slack.await("response_url", c -> c.param("blocks") != null && c.param("blocks").contains("draft:"), WAIT);
        assertThat(shown.param("blocks")).contains("Drafted from a template: this case is restricted, so its text is not sent to the model "
                + "(its case type would need `ai: allowed` in the policy).", "Subpoena for the minister");
        assertThat(model.requests().subList(before, model.requests().size()))
                .noneMatch(r -> r.toString().contains("Subpoena") || r.toString().contains("4471-secret"));
        assertThat(model.requests()).noneMatch(r -> r.toString().contains("Subpoena") || r.toString().contains("4471-secret"));
    }

    @Test
    void a_restricted_type_with_ai_allowed_is_sent_to_the_model() throws Exception {
        String channel = open("Inquiry about election ads sev2 type:public-inquiry");

        harness.esc(AMARA, channel, "summary");

        FakeSlackApi.Call shown = harness.slack.await("response_url", c -> c.param("blocks") != null && c.param("blocks").contains("draft:"), WAIT);
        assertThat(shown.param("blocks")).contains("a draft from the model").doesNotContain("Drafted from a template");
        assertThat(model.lastUserMessage()).contains("Inquiry about election ads");
    }

    /** Opens a case as Chloe, and has Amara (on call) acknowledge it; its channel. */
    private String open(String text) throws Exception {
        harness.esc(CHLOE, "C0TEAM", "open " + text);
        String channel = harness.slack.await("pins.add").param("channel");
        harness.esc(AMARA, channel, "ack");
        return channel;
    }
}
