package app.escalate.bot.jobs;

import app.escalate.bot.intake.CallBacks;
import app.escalate.bot.outbox.Delivery;
import app.escalate.bot.render.ReplyRenderer;
import app.escalate.bot.search.MiniLmEmbedder;
import app.escalate.bot.search.SearchIndexer;
import app.escalate.bot.search.SimilarCases;
import app.escalate.bot.slack.PinnedMessages;
import app.escalate.bot.slack.ZonedCommands;
import app.escalate.bot.slack.SlackDelivery;
import app.escalate.commands.CaseId;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.handlers.Domain;
import app.escalate.commands.handlers.EscCommands;
import app.escalate.commands.handlers.RecordPinnedMessage;
import app.escalate.commands.summary.Drafts;
import app.escalate.commands.triage.Triager;
import app.escalate.config.Policy;
import app.escalate.config.PolicyLoader;
import app.escalate.storage.JdbiIntake;
import app.escalate.storage.JdbiCaseSearch;
import app.escalate.storage.Database;
import app.escalate.storage.EffectSamples;
import app.escalate.storage.JdbiCaseStore;
import app.escalate.storage.JdbiDraftStore;
import app.escalate.storage.JdbiHandoffStore;
import app.escalate.storage.JdbiOverrideStore;
import app.escalate.storage.JdbiShiftReminderStore;
import app.escalate.storage.JdbiSwapStore;
import app.escalate.storage.Outbox;
import app.escalate.storage.OutboxEntry;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Every kind of outbox entry has its delivery: each Slack effect in {@link SlackDelivery}, each job
 * in {@link JobRunner}. The kinds are listed from the sealed types, so a new kind without a delivery
 * fails here (its dispatch ends in an {@link AssertionError}), not in production.
 */
class EveryEffectIsDeliveredTest {
    private final Database database = Database.open("jdbc:h2:mem:dispatch-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    private final Policy policy = PolicyLoader.builtIn();
    private final Clock clock = Clock.systemUTC();
    private final JdbiCaseStore cases = new JdbiCaseStore(database.jdbi());
    private final JdbiDraftStore drafts = new JdbiDraftStore(database.jdbi());
    private final JdbiHandoffStore handoffs = new JdbiHandoffStore(database.jdbi());
    private final Domain domain = Domain.of(cases, new JdbiOverrideStore(database.jdbi()), handoffs, policy, clock);
    private final EscCommands commands = new EscCommands(cases, handoffs, drafts, policy, clock, domain);
    /** Nothing listens there: every Slack call fails fast, as when Slack is unreachable. */
    private final URI nowhere = URI.create("http://127.0.0.1:9/api/");
    private final Slack slack = slack(nowhere);
    private final Delivery slackCalls = new SlackDelivery(slack, "xoxb-test", cases, handoffs,
            new JdbiShiftReminderStore(database.jdbi()), drafts, new JdbiSwapStore(database.jdbi()), policy, clock, nowhere);
    private final Delivery jobs = new JobRunner(new Triager(policy, Optional.empty()), commands, cases,
            new Drafts(cases, drafts, policy, Optional.empty(), domain.permissions(), clock),
            new PinnedMessages(new RecordPinnedMessage(cases, clock), slack.methods("xoxb-test"), new Outbox(database.jdbi()), clock, id -> true),
            new ZonedCommands(commands, new ReplyRenderer(policy), slack.methods("xoxb-test")), policy, new SimpleMeterRegistry(),
            new CallBacks(policy, java.util.Map.of(), new JdbiIntake(database.jdbi()), clock),
            new SimilarCases(new SearchIndexer(new JdbiCaseSearch(database.jdbi()), cases, policy, text -> new float[MiniLmEmbedder.DIMENSIONS], clock),
                    cases, policy),
            new app.escalate.bot.paging.Pagers(policy, java.util.Map.of(), cases, id -> "", clock));

    @AfterEach
    void close() {
        database.close();
    }

    private static Slack slack(URI api) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(api.toString());
        return Slack.getInstance(config);
    }

    @Test
    void every_slack_effect_has_a_delivery_and_every_job_a_runner() {
        int kinds = 0;
        for (SlackEffect effect : EffectSamples.all()) {
            Delivery delivery = effect instanceof SlackEffect.Job ? jobs : slackCalls;
            Throwable thrown = catchThrowable(() -> delivery.deliver(new OutboxEntry(1, effect, 0, false)));
            assertThat(thrown instanceof AssertionError).as("delivering %s threw %s", effect.getClass().getSimpleName(), thrown).isFalse();
            kinds++;
        }
        assertThat(kinds).isEqualTo(EffectSamples.kinds().size());
    }

    @Test
    void the_similar_cases_job_waits_for_the_index_a_second_at_a_time_and_gives_up_after_its_tries() {
        commands.handle("open Deepfake of the minister on video sev2", new app.escalate.commands.Invocation(new app.escalate.commands.UserId("U0ESCMARIA"),
                new app.escalate.commands.ChannelId("C0TEAM"), Optional.empty()));
        SlackEffect job = new SlackEffect.SuggestSimilar(new CaseId(1));   // the index here never takes it in: its indexer does not run

        assertThat(jobs.deliver(new OutboxEntry(1, job, 0, false))).isEqualTo(new app.escalate.bot.outbox.DeliveryAttempt.Retry(
                Optional.of(java.time.Duration.ofSeconds(1)), "the search index has not taken ESC-1 in yet", false));
        assertThat(jobs.deliver(new OutboxEntry(1, job, JobRunner.SIMILAR_TRIES - 1, false)))
                .isInstanceOf(app.escalate.bot.outbox.DeliveryAttempt.GiveUp.class);
    }

    @Test
    void a_job_is_never_taken_for_a_slack_call_nor_a_slack_call_for_a_job() {
        SlackEffect job = new SlackEffect.TriageCase(new CaseId(1));
        SlackEffect call = new SlackEffect.PostCaseCard(new CaseId(1));

        assertThat(catchThrowable(() -> slackCalls.deliver(new OutboxEntry(1, job, 0, false)))).isInstanceOf(AssertionError.class);
        assertThat(catchThrowable(() -> jobs.deliver(new OutboxEntry(1, call, 0, false)))).isInstanceOf(AssertionError.class);
    }
}
