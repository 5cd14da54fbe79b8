package app.escalate.commands.paging;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.ChannelId;
import app.escalate.commands.EventData;
import app.escalate.commands.HandClock;
import app.escalate.commands.InMemoryCaseStore;
import app.escalate.commands.InMemoryDraftStore;
import app.escalate.commands.InMemoryHandoffStore;
import app.escalate.commands.InMemoryOverrideStore;
import app.escalate.commands.Invocation;
import app.escalate.commands.PersonPage;
import app.escalate.commands.CaseId;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import app.escalate.commands.handlers.EscCommands;
import app.escalate.config.Policy;
import app.escalate.config.PolicyLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page's climb, decided without Slack or a pager: at the harness's Tuesday 12:00 UTC Amara is
 * primary. Her steps here: Slack at once, PagerDuty after 2 min, the webhook after 30 min (beyond
 * any severity's ack time but SEV4's, so taken at the ack time); quiet hours 11:00-14:00 London.
 */
class PageStepsTest {
    private static final Instant OPENED = Instant.parse("2026-11-24T12:00:00Z");
    private static final UserId CHLOE = new UserId("U0ESCCHLOE");
    private static final UserId AMARA = new UserId("U0ESCAMARA");
    private static final UserId KENJI = new UserId("U0ESCKENJI");
    private static final CaseId ESC_1 = new CaseId(1);

    @TempDir
    Path dir;

    private final HandClock clock = new HandClock(OPENED);
    private final InMemoryCaseStore store = new InMemoryCaseStore();
    private Policy policy;
    private EscCommands commands;
    private ClimbPages climb;

    private void start(String amara) throws IOException {
        String yaml = new String(PolicyLoader.class.getResourceAsStream(PolicyLoader.BUILT_IN).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("  U0ESCAMARA:\n    time_zone: Europe/London\n", "  U0ESCAMARA:\n    time_zone: Europe/London\n" + amara)
                .replace("\npeople:", "\npaging:\n  providers:\n    pagerduty: {routing_key_env: PD_KEY}\n"
                        + "    webhook: {url: \"http://127.0.0.1:9/h\", secret_env: HOOK_SECRET}\npeople:");
        Path file = dir.resolve("policy.yml");
        Files.writeString(file, yaml);
        policy = PolicyLoader.load(file);
        commands = new EscCommands(store, new InMemoryOverrideStore(), new InMemoryHandoffStore(), new InMemoryDraftStore(), policy, clock);
        climb = new ClimbPages(store, policy, clock);
    }

    private static final String STEPS = "    notify: [{after: 0m, via: slack}, {after: 2m, via: pagerduty}, {after: 30m, via: webhook}]\n";

    private void esc(UserId who, String text) {
        commands.handle(text, new Invocation(who, new ChannelId("C0TEAM"), Optional.empty(), ZoneOffset.UTC));
    }

    private void at(Duration after) {
        clock.set(OPENED.plus(after));
        climb.sweep();
    }

    private List<SlackEffect.PagerCall> pagerCalls() {
        return store.effects.stream().filter(e -> e instanceof SlackEffect.PagerCall).map(e -> (SlackEffect.PagerCall) e).toList();
    }

    private PersonPage page(int number) {
        return store.file(ESC_1).orElseThrow().page(number).orElseThrow();
    }

    @Test
    void steps_climb_at_their_delays_and_a_step_beyond_the_ack_time_is_taken_at_it() throws IOException {
        start(STEPS);
        esc(CHLOE, "open Refund scam spreading sev2");   // SEV2: ack within 15 min
        assertThat(store.effects).contains(new SlackEffect.Page(ESC_1, AMARA, "primary", "Escalations on-call"));
        at(Duration.ofMinutes(2));
        at(Duration.ofMinutes(14).plusSeconds(59));
        assertThat(pagerCalls()).extracting(SlackEffect.PagerCall::pager).containsExactly("pagerduty");
        at(Duration.ofMinutes(15));
        assertThat(pagerCalls()).extracting(SlackEffect.PagerCall::pager).containsExactly("pagerduty", "webhook");
        assertThat(page(1).nextAt()).isEmpty();
    }

    @Test
    void a_sev1_climbs_through_quiet_hours_every_step_within_its_ack_time() throws IOException {
        start(STEPS + "    quiet_hours: \"11:00-14:00\"\n");
        esc(CHLOE, "open Deepfake of the minister sev1");   // SEV1: ack within 5 min
        assertThat(store.effects).contains(new SlackEffect.Page(ESC_1, AMARA, "primary", "Escalations on-call"));
        assertThat(pagerCalls()).isEmpty();

        at(Duration.ofMinutes(1).plusSeconds(59));
        assertThat(pagerCalls()).isEmpty();
        at(Duration.ofMinutes(2));
        assertThat(pagerCalls()).containsExactly(new SlackEffect.PagerCall(ESC_1, "pagerduty", "trigger", "ESC-1", 1, Optional.of(AMARA)));
        at(Duration.ofMinutes(5));   // the 30 min webhook step, at the SEV1's 5 min ack time
        assertThat(pagerCalls()).extracting(SlackEffect.PagerCall::pager).containsExactly("pagerduty", "webhook");
        assertThat(store.events).filteredOn(e -> e.kind() == CaseEvent.Kind.PAGE_STEP_TAKEN).extracting(CaseEvent::data).containsExactly(
                new EventData.PageStepTaken(1, AMARA, "pagerduty", 2), new EventData.PageStepTaken(1, AMARA, "webhook", 3));
        at(Duration.ofMinutes(30));
        assertThat(pagerCalls()).hasSize(2);

        esc(AMARA, "ack ESC-1");
        assertThat(pagerCalls()).extracting(c -> c.pager() + " " + c.action() + " " + c.dedupKey()).containsExactly(
                "pagerduty trigger ESC-1", "webhook trigger ESC-1", "pagerduty acknowledge ESC-1", "webhook acknowledge ESC-1");
        esc(AMARA, "resolve ESC-1 Taken down cause:adversarial-abuse");
        assertThat(pagerCalls()).extracting(c -> c.pager() + " " + c.action()).endsWith("pagerduty resolve", "webhook resolve");
        esc(AMARA, "reopen ESC-1");
        esc(AMARA, "resolve ESC-1 Taken down again cause:adversarial-abuse");
        assertThat(pagerCalls()).as("a pager hears resolve once").hasSize(6);
    }

    @Test
    void quiet_hours_hold_a_sev3_until_they_end_and_raising_it_to_sev1_breaks_them() throws IOException {
        start(STEPS + "    quiet_hours: \"11:00-14:00\"\n");
        esc(CHLOE, "open Spam wave sev3");
        assertThat(store.effects).noneMatch(e -> e instanceof SlackEffect.Page p && p.user().equals(AMARA));
        assertThat(store.events).filteredOn(e -> e.kind() == CaseEvent.Kind.PAGE_HELD).extracting(CaseEvent::data)
                .containsExactly(new EventData.PageHeld(1, AMARA, Instant.parse("2026-11-24T14:00:00Z")));

        at(Duration.ofMinutes(90));
        assertThat(store.effects).noneMatch(e -> e instanceof SlackEffect.Page p && p.user().equals(AMARA));
        at(Duration.ofHours(2));   // 14:00 London: the steps climb from now
        assertThat(store.effects).contains(new SlackEffect.Page(ESC_1, AMARA, "primary", "Escalations on-call"));
        assertThat(pagerCalls()).isEmpty();
        at(Duration.ofHours(2).plusMinutes(2));
        assertThat(pagerCalls()).extracting(SlackEffect.PagerCall::pager).containsExactly("pagerduty");
    }

    @Test
    void a_sev3_raised_to_sev1_in_quiet_hours_pages_at_once() throws IOException {
        start(STEPS + "    quiet_hours: \"11:00-14:00\"\n");
        esc(CHLOE, "open Spam wave sev3");
        clock.set(OPENED.plus(Duration.ofMinutes(10)));
        esc(AMARA, "sev ESC-1 1");
        assertThat(store.effects).contains(new SlackEffect.Page(ESC_1, AMARA, "primary", "Escalations on-call"));
        assertThat(page(1).heldUntil()).isEmpty();
    }

    @Test
    void an_ad_hoc_page_to_a_group_climbs_to_its_next_member_when_unanswered_and_stops_on_acknowledgement() throws IOException {
        start("");
        esc(CHLOE, "open Prompt injection sev2");
        esc(AMARA, "page ESC-1 eng the widget's model config may be wrong");
        assertThat(store.effects).contains(new SlackEffect.AdHocPage(ESC_1, 2));
        assertThat(page(2).person()).isEqualTo(new UserId("U0ESCDIEGO"));

        at(Duration.ofMinutes(15));
        assertThat(page(2).status()).isEqualTo(PersonPage.Status.UNANSWERED);
        assertThat(page(3).person()).isEqualTo(KENJI);
        assertThat(store.effects).contains(new SlackEffect.AdHocPage(ESC_1, 3));

        esc(KENJI, "page ESC-1 eng again");   // Kenji may steer, and the first of eng who is not him is Diego, whose page is no longer open
        assertThat(page(4).person()).isEqualTo(new UserId("U0ESCDIEGO"));
    }

    private String refusal(UserId who, String text) {
        var reply = commands.handle(text, new Invocation(who, new ChannelId("C0TEAM"), Optional.empty(), ZoneOffset.UTC));
        assertThat(reply).isInstanceOf(app.escalate.commands.Reply.Refusal.class);
        return ((app.escalate.commands.Reply.Refusal) reply).reason();
    }

    @Test
    void a_page_is_refused_to_whoever_may_not_steer_of_oneself_of_a_machine_and_again_while_unanswered() throws IOException {
        start("");
        esc(CHLOE, "open Prompt injection sev2");
        assertThat(refusal(CHLOE, "page ESC-1 <@U0ESCKENJI> look at this")).contains("can page someone for a case");
        assertThat(refusal(AMARA, "page ESC-1 <@U0ESCAMARA> me")).isEqualTo("You can't page yourself.");
        assertThat(refusal(AMARA, "page ESC-1 <@U0INTAKE0> you")).contains("machine source");
        assertThat(refusal(AMARA, "page ESC-1 nobody-group you")).startsWith("There is no group `nobody-group`.");
        assertThat(commands.handle("page ESC-1 <@U0ESCKENJI>", new Invocation(AMARA, new ChannelId("C0TEAM"), Optional.empty(), ZoneOffset.UTC)))
                .hasToString("Usage[problem=Optional[`page` takes one @person or a group, then why, e.g. "
                        + "`/esc page @kenji need a second pair of eyes on the model logs`.]]");
        esc(AMARA, "page ESC-1 <@U0ESCKENJI> look at the logs");
        assertThat(refusal(AMARA, "page ESC-1 <@U0ESCKENJI> look again")).contains("has not answered yet");
        assertThat(store.file(ESC_1).orElseThrow().pages()).filteredOn(PersonPage::adHoc).hasSize(1);
    }

    @Test
    void a_case_merged_as_a_duplicate_stops_its_pages_and_resolves_what_they_rang() throws IOException {
        start(STEPS);
        esc(CHLOE, "open Deepfake of the minister sev1");
        at(Duration.ofMinutes(2));
        esc(CHLOE, "open Minister deepfake again sev2");
        esc(AMARA, "merge ESC-1 ESC-2");
        assertThat(pagerCalls()).filteredOn(c -> c.caseId().equals(ESC_1)).extracting(c -> c.pager() + " " + c.action() + " " + c.dedupKey())
                .containsExactly("pagerduty trigger ESC-1", "pagerduty resolve ESC-1");
        assertThat(page(1).status()).isEqualTo(PersonPage.Status.STOPPED);
        at(Duration.ofMinutes(30));
        assertThat(pagerCalls()).filteredOn(c -> c.caseId().equals(ESC_1)).hasSize(2);
    }

    @Test
    void a_group_page_that_climbs_on_resolves_what_it_rang_for_the_member_who_did_not_answer() throws IOException {
        start("  U0ESCDIEGO:\n    notify: [{after: 0m, via: slack}, {after: 2m, via: pagerduty}]\n");
        esc(CHLOE, "open Prompt injection sev2");
        esc(AMARA, "page ESC-1 eng the widget's model config may be wrong");
        at(Duration.ofMinutes(2));
        assertThat(pagerCalls()).extracting(c -> c.action() + " " + c.dedupKey()).containsExactly("trigger ESC-1-page-2");

        at(Duration.ofMinutes(15));   // Diego did not answer: Kenji is paged, and Diego's pager stops
        assertThat(pagerCalls()).extracting(c -> c.action() + " " + c.dedupKey()).containsExactly("trigger ESC-1-page-2", "resolve ESC-1-page-2");
        assertThat(page(2).triggered()).isEmpty();
        esc(AMARA, "resolve ESC-1 Config fixed cause:model-behaviour");
        assertThat(store.file(ESC_1).orElseThrow().details().isOpen()).isFalse();
        assertThat(pagerCalls()).as("nothing more to resolve for Diego's page").hasSize(2);
    }
}
