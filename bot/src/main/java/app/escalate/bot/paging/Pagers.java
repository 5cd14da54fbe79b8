package app.escalate.bot.paging;

import app.escalate.bot.intake.IntakeSignature;
import app.escalate.bot.outbox.DeliveryAttempt;
import app.escalate.commands.Case;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseStore;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.PersonPage;
import app.escalate.commands.SlackEffect;
import app.escalate.config.Paging;
import app.escalate.config.Policy;
import app.escalate.config.Secret;
import app.escalate.storage.FollowUp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Calls a pager for a page: PagerDuty's Events API v2 (routing key from the variable the policy
 * names) or the webhook (signed as the bot's callbacks are, {@link IntakeSignature}, with the
 * secret the policy names). Every try goes on the case's timeline. A 2xx is done; a 429 waits
 * as long as {@code Retry-After} says (else the outbox's backoff), a 5xx or no answer is tried
 * again, for as long as it takes; any other 4xx (a wrong routing key) will not change by
 * retrying: it is given up on, and the case's channel is told, so people page by hand.
 */
public final class Pagers {
    private static final Logger log = LoggerFactory.getLogger(Pagers.class);
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

    private final Policy policy;
    private final Map<String, Secret> secrets;
    private final CaseStore cases;
    private final Function<String, String> names;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    /** Real time, for the webhook signature's timestamp. */
    private final Clock wall;

    /** {@code names}: a Slack user id to the name a pager shows ("Kenji Sato"), or empty when unknown. */
    public Pagers(Policy policy, Map<String, Secret> secrets, CaseStore cases, Function<String, String> names, Clock wall) {
        this.policy = policy;
        this.secrets = Map.copyOf(secrets);
        this.cases = cases;
        this.names = names;
        this.wall = wall;
    }

    /** The variables the policy's pagers name that are not set: said at start-up, as each call would fail without them. */
    public List<String> missingSecrets() {
        Paging paging = policy.paging();
        return java.util.stream.Stream.concat(paging.pagerDuty().map(Paging.PagerDuty::routingKeyEnv).stream(),
                paging.webhook().map(Paging.Webhook::secretEnv).stream()).filter(name -> !secrets.containsKey(name)).toList();
    }

    /** Try {@code attempt} (from 1) at {@code call}. */
    public DeliveryAttempt deliver(SlackEffect.PagerCall call, int attempt) {
        Optional<CaseFile> file;
        try {
            file = cases.file(call.caseId());
        } catch (RuntimeException e) {
            return new DeliveryAttempt.Retry(Optional.empty(), "database: " + e, false);
        }
        if (file.isEmpty()) return DeliveryAttempt.sent();
        Answer answer = call(call, file.get());
        CaseEvent event = new CaseEvent(call.caseId(), wall.instant(), file.get().details().reporter(),
                new EventData.PagerCalled(call.page(), call.pager(), call.action(), call.dedupKey(), attempt, answer.outcome(), answer.done()));
        if (answer.done()) return DeliveryAttempt.sent(FollowUp.event(event));
        if (answer.hopeless()) {
            return new DeliveryAttempt.GiveUp(answer.outcome(), new FollowUp(List.of(event), List.of(new SlackEffect.Announce(call.caseId(), event))));
        }
        record(event);
        return new DeliveryAttempt.Retry(answer.retryAfter(), call.pager() + ": " + answer.outcome(), false);
    }

    /** A try that will be tried again is recorded on its own: the outbox keeps only that it waits. */
    private void record(CaseEvent event) {
        try {
            cases.change(event.caseId(), f -> new Decision.Applied(f, List.of(event), List.of()));
        } catch (RuntimeException e) {
            log.warn("pager: could not record a try on {}'s timeline: {}", event.caseId(), e.toString());
        }
    }

    /** How a pager answered: done, worth another try (when), or not worth one. */
    record Answer(String outcome, boolean done, boolean hopeless, Optional<Duration> retryAfter) {
        static Answer of(HttpResponse<String> res) {
            int status = res.statusCode();
            String outcome = "HTTP " + status + brief(res.body());
            if (status / 100 == 2) return new Answer(outcome, true, false, Optional.empty());
            // A Retry-After is honoured up to five minutes: the case's acknowledge and resolve wait behind it.
            Optional<Duration> after = res.headers().firstValue("Retry-After").filter(v -> v.matches("\\d{1,6}"))
                    .map(v -> Duration.ofSeconds(Math.min(Long.parseLong(v), MAX_RETRY_AFTER.toSeconds())));
            boolean worthAgain = status == 429 || status == 408 || status / 100 == 5;
            return new Answer(outcome, false, !worthAgain, status == 429 ? after : Optional.empty());
        }

        /** Never on the timeline: a secret a pager echoed back. */
        Answer without(String secret) {
            return secret.isEmpty() ? this : new Answer(outcome.replace(secret, "****"), done, hopeless, retryAfter);
        }

        static Answer unreachable(String why) {
            return new Answer(why, false, false, Optional.empty());
        }

        private static String brief(String body) {
            String text = body == null ? "" : body.replaceAll("\\s+", " ").strip();
            return text.isEmpty() ? "" : " " + (text.length() > 200 ? text.substring(0, 200) + "…" : text);
        }
    }

    private Answer call(SlackEffect.PagerCall call, CaseFile file) {
        Case c = file.details();
        Optional<PersonPage> page = file.page(call.page());
        String personName = call.person().map(p -> names.apply(p.value())).orElse("");
        try {
            return switch (call.pager()) {
                case "pagerduty" -> {
                    Optional<Paging.PagerDuty> pd = policy.paging().pagerDuty();
                    if (pd.isEmpty()) yield new Answer("pagerduty is no longer under paging.providers", false, true, Optional.empty());
                    Secret key = secrets.get(pd.get().routingKeyEnv());
                    if (key == null) yield Answer.unreachable(pd.get().routingKeyEnv() + " is not set");
                    yield post(pd.get().events(), PagerRequest.pagerDuty(key.value(), call, c, page, personName), Map.of()).without(key.value());
                }
                case "webhook" -> {
                    Optional<Paging.Webhook> hook = policy.paging().webhook();
                    if (hook.isEmpty()) yield new Answer("webhook is no longer under paging.providers", false, true, Optional.empty());
                    Secret secret = secrets.get(hook.get().secretEnv());
                    if (secret == null) yield Answer.unreachable(hook.get().secretEnv() + " is not set");
                    Instant now = wall.instant();
                    String body = PagerRequest.webhook(call, c, page, personName, now.toString());
                    String timestamp = Long.toString(now.getEpochSecond());
                    yield post(hook.get().uri(), body, Map.of(IntakeSignature.TIMESTAMP, timestamp,
                            IntakeSignature.SIGNATURE, new IntakeSignature(secret.value()).sign(timestamp, body)));
                }
                default -> new Answer("no pager \"" + call.pager() + "\"", false, true, Optional.empty());
            };
        } catch (IOException e) {
            return Answer.unreachable("no answer: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.unreachable("interrupted");
        }
    }

    private Answer post(URI url, String body, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return Answer.of(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }
}
