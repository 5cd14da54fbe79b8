package app.escalate.storage;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseState;
import app.escalate.commands.DraftKind;
import app.escalate.commands.EventData;
import app.escalate.commands.Guess;
import app.escalate.commands.Severity;
import app.escalate.commands.ShadowRoute;
import app.escalate.commands.SuggestedTriage;
import app.escalate.commands.Suggestion;
import app.escalate.commands.TrialAnswer;
import app.escalate.commands.TriageVerdict;
import app.escalate.commands.UserId;
import app.escalate.commands.CaseDecision;
import app.escalate.commands.CaseId;
import app.escalate.commands.SignOff;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An event's data as it is kept: a flat map of strings, under the keys the timeline has always used,
 * so events written by earlier versions read back (a value they lack reads as empty).
 */
final class EventFields {
    private EventFields() {
    }

    static Map<String, String> of(EventData data) {
        Out out = new Out();
        data.accept(new Writer(out));
        return out.map;
    }

    static EventData read(CaseEvent.Kind kind, Map<String, String> fields) {
        In f = new In(fields);
        return switch (kind) {
            case OPENED -> new EventData.Opened(f.text("title"), f.severity("severity"), f.optional("case_type"),
                    f.optional("surface"), f.optional("description"));
            case ACKNOWLEDGED -> new EventData.Acknowledged(f.optional("after").map(s -> Duration.ofSeconds(Long.parseLong(s))));
            case SEVERITY_CHANGED -> new EventData.SeverityChanged(f.severity("from"), f.severity("to"), f.optional("reason"));
            case STATE_CHANGED -> new EventData.StateChanged(f.state("from"), f.state("to"));
            case OWNER_CHANGED -> new EventData.OwnerChanged(f.optional("from").map(UserId::new), new UserId(f.text("to")));
            case NOTE_ADDED -> new EventData.NoteAdded(f.text("text"));
            case DECISION_TAKEN -> new EventData.DecisionTaken((int) f.number("decision"), f.text("text"), f.text("rationale"),
                    f.numbered("alternative"), f.list("needs"));
            case DECISION_SIGNED -> new EventData.DecisionSigned((int) f.number("decision"), f.text("text"), f.list("groups"),
                    SignOff.Verdict.valueOf(f.text("verdict")), f.optional("reason"), CaseDecision.Status.valueOf(f.text("status")));
            case DECISION_OVERRIDDEN -> new EventData.DecisionOverridden((int) f.number("decision"), f.text("text"), f.text("reason"));
            case SIGN_OFF_REMINDED -> new EventData.SignOffReminded((int) f.number("decision"), f.text("text"), f.list("groups"),
                    f.users("people"));
            case FIELD_SET -> new EventData.FieldSet(f.text("field"), f.text("label"), f.optional("from"), f.text("to"), f.text("by").equals("triage"));
            case TASK_ADDED -> new EventData.TaskAdded((int) f.number("task"), f.text("text"), f.optional("assignee").map(UserId::new));
            case TASK_DONE -> new EventData.TaskDone((int) f.number("task"), f.text("text"));
            case GROUP_LOOPED -> new EventData.GroupLooped(f.text("group"), f.users("members"));
            case RESOLVED -> new EventData.Resolved(f.state("from"), f.text("resolution"), f.optional("root_cause"));
            case REOPENED -> new EventData.Reopened(f.state("from"), f.state("to"), f.text("resolution"));
            case MESSAGE_PINNED -> new EventData.MessagePinned(f.text("ts"), f.optional("author").map(UserId::new), f.text("text"),
                    f.optional("permalink"));
            case PAGED -> new EventData.Paged(new UserId(f.text("user")), f.text("level"), f.text("rotation"),
                    f.optional("unacknowledged_for").map(m -> Duration.ofMinutes(Long.parseLong(m))));
            case CHAIN_ENDED -> new EventData.ChainEnded(Duration.ofMinutes(f.number("unacknowledged_for")));
            case WATCHED -> new EventData.Watched();
            case UNWATCHED -> new EventData.Unwatched();
            case SUMMARY_POSTED -> new EventData.SummaryPosted(f.draftKind(), f.number("draft"), f.text("to"), f.flag("leadership"),
                    f.flag("edited"), f.optional("confirmed"), f.optional("why"));
            case SUMMARY_NOT_POSTED -> new EventData.SummaryNotPosted(f.draftKind(), f.number("draft"), f.text("to"), f.flag("leadership"),
                    f.text("error"), f.optional("needed"));
            case SLACK_REFUSED -> new EventData.SlackRefused(f.text("what"), f.text("error"), f.optional("needed"));
            case SLA_WARNING -> new EventData.SlaWarning(f.text("clock"), Instant.parse(f.text("due")), (int) f.number("percent"),
                    f.users("notify"));
            case SLA_BREACHED -> new EventData.SlaBreached(f.text("clock"), Instant.parse(f.text("due")));
            case SLA_MET -> new EventData.SlaMet(f.list("clocks"));
            case CASE_LINKED -> new EventData.CaseLinked(new CaseId(f.number("other")));
            case CASE_UNLINKED -> new EventData.CaseUnlinked(new CaseId(f.number("other")));
            case MERGED_INTO -> new EventData.MergedInto(new CaseId(f.number("into")), (int) f.number("tasks_moved"));
            case DUPLICATE_MERGED -> new EventData.DuplicateMerged(new CaseId(f.number("from")), f.users("invited"), (int) f.number("tasks_moved"));
            case DEADLINE_SET -> new EventData.DeadlineSet(f.text("name"), Instant.parse(f.text("due")), f.optional("before").map(Instant::parse));
            case DEADLINE_DONE -> new EventData.DeadlineDone(f.text("name"), Instant.parse(f.text("due")), f.flag("met"));
            case DEADLINE_DROPPED -> new EventData.DeadlineDropped(f.text("name"), Instant.parse(f.text("due")), f.text("reason"));
            case DEADLINE_WARNING -> new EventData.DeadlineWarning(f.text("name"), Instant.parse(f.text("due")), f.users("notify"));
            case DEADLINE_BREACHED -> new EventData.DeadlineBreached(f.text("name"), Instant.parse(f.text("due")));
            case REPORTED_AGAIN -> new EventData.ReportedAgain(f.text("source"));
            case SIMILAR_FOUND -> new EventData.SimilarFound(f.list("similar").stream().map(n -> new CaseId(Long.parseLong(n))).toList(),
                    f.optional("duplicate_of").map(n -> new CaseId(Long.parseLong(n))));
            case DUPLICATE_JUDGED -> new EventData.DuplicateJudged(new CaseId(f.number("of")), f.flag("confirmed"));
            case PAGE_REQUESTED -> new EventData.PageRequested((int) f.number("page"), new UserId(f.text("user")), f.optional("group"),
                    f.text("reason"));
            case PAGE_HELD -> new EventData.PageHeld((int) f.number("page"), new UserId(f.text("user")), Instant.parse(f.text("until")));
            case PAGE_ACKNOWLEDGED -> new EventData.PageAcknowledged((int) f.number("page"), new UserId(f.text("user")),
                    Duration.ofSeconds(f.number("after")));
            case PAGE_UNANSWERED -> new EventData.PageUnanswered((int) f.number("page"), new UserId(f.text("user")),
                    Duration.ofMinutes(f.number("after")), f.optional("group"), f.optional("next").map(UserId::new));
            case PAGER_CALLED -> new EventData.PagerCalled((int) f.number("page"), f.text("pager"), f.text("action"), f.text("dedup_key"),
                    (int) f.number("attempt"), f.text("outcome"), Boolean.parseBoolean(f.text("delivered")));
            case PAGE_STEP_TAKEN -> new EventData.PageStepTaken((int) f.number("page"), new UserId(f.text("user")), f.text("via"),
                    (int) f.number("step"));
            case RUNBOOK_FLAGGED -> new EventData.RunbookFlagged(f.text("type"), f.text("question_id"), f.text("ask"));
            case AI_FAILURE_TAGGED -> new EventData.FailureTagged(f.text("surface"), f.text("subject"), f.text("version"),
                    f.optional("rule"), f.text("mode"), f.text("label"));
            case RUNBOOK_STARTED -> new EventData.RunbookStarted(f.text("type"));
            case RUNBOOK_ANSWERED -> new EventData.RunbookAnswered(f.text("question"), f.text("answer"), f.optional("guidance"),
                    f.flag("end"));
            case TRIAGE_SUGGESTED -> new EventData.TriageSuggested(suggested(f), f.text("route").equals("applied"), f.optional("rule"),
                    f.optional("held_because"), f.optional("shadow_rule").map(r -> new ShadowRoute(r, f.text("shadow_route").equals("apply"))),
                    f.optional("shadow_prompt").map(version -> new TrialAnswer(f.text("shadow_prompt_source"), version,
                            f.optional("shadow_prompt_type").map(t -> new Guess<>(t, f.fraction("shadow_prompt_type_confidence"))),
                            new Guess<>(f.severity("shadow_prompt_severity"), f.fraction("shadow_prompt_severity_confidence")))));
            case TRIAGE_JUDGED -> new EventData.TriageJudged(TriageVerdict.valueOf(f.text("verdict").toUpperCase(Locale.ROOT)),
                    f.text("from"), f.text("to"), f.optional("suggested_type"), f.severity("suggested_severity"));
        };
    }

    private static SuggestedTriage suggested(In f) {
        Suggestion s = new Suggestion(f.optional("type").map(t -> new Guess<>(t, f.fraction("type_confidence"))),
                new Guess<>(f.severity("severity"), f.fraction("severity_confidence")),
                new Guess<>(f.list("surfaces"), f.fraction("surfaces_confidence")),
                new Guess<>(f.text("rationale"), f.fraction("rationale_confidence")), f.proposedFields());
        return new SuggestedTriage(s, f.text("source"), f.text("prompt_version"), f.optional("fell_back"));
    }

    /** Writes each kind's values under its keys; an absent optional value is left out. */
    private record Writer(Out out) implements EventData.Visitor<Void> {
        public Void opened(EventData.Opened e) {
            out.put("title", e.title()).put("severity", e.severity().name()).put("case_type", e.caseType())
                    .put("surface", e.surface()).put("description", e.description());
            return null;
        }

        public Void acknowledged(EventData.Acknowledged e) {
            out.put("after", e.after().map(d -> Long.toString(d.toSeconds())));
            return null;
        }

        public Void severityChanged(EventData.SeverityChanged e) {
            out.put("from", e.from().name()).put("to", e.to().name()).put("reason", e.reason());
            return null;
        }

        public Void stateChanged(EventData.StateChanged e) {
            out.put("from", e.from().label()).put("to", e.to().label());
            return null;
        }

        public Void ownerChanged(EventData.OwnerChanged e) {
            out.put("from", e.from().map(UserId::value)).put("to", e.to().value());
            return null;
        }

        public Void fieldSet(EventData.FieldSet e) {
            out.put("field", e.field()).put("label", e.label()).put("from", e.from()).put("to", e.to());
            if (e.byTriage()) out.put("by", "triage");
            return null;
        }

        /** Alternatives may hold commas, so each has its own key. */
        public Void decisionTaken(EventData.DecisionTaken e) {
            out.put("decision", Integer.toString(e.decision())).put("text", e.text()).put("rationale", e.rationale())
                    .put("needs", String.join(",", e.needs()));
            for (int i = 0; i < e.alternatives().size(); i++) out.put("alternative_" + (i + 1), e.alternatives().get(i));
            return null;
        }

        public Void decisionSigned(EventData.DecisionSigned e) {
            out.put("decision", Integer.toString(e.decision())).put("text", e.text()).put("groups", String.join(",", e.groups()))
                    .put("verdict", e.verdict().name()).put("reason", e.reason()).put("status", e.status().name());
            return null;
        }

        public Void decisionOverridden(EventData.DecisionOverridden e) {
            out.put("decision", Integer.toString(e.decision())).put("text", e.text()).put("reason", e.reason());
            return null;
        }

        public Void signOffReminded(EventData.SignOffReminded e) {
            out.put("decision", Integer.toString(e.decision())).put("text", e.text()).put("groups", String.join(",", e.groups()))
                    .put("people", users(e.people()));
            return null;
        }

        @Override
        public Void noteAdded(EventData.NoteAdded e) {
            out.put("text", e.text());
            return null;
        }

        public Void taskAdded(EventData.TaskAdded e) {
            out.put("task", Integer.toString(e.task())).put("text", e.text()).put("assignee", e.assignee().map(UserId::value));
            return null;
        }

        public Void taskDone(EventData.TaskDone e) {
            out.put("task", Integer.toString(e.task())).put("text", e.text());
            return null;
        }

        public Void groupLooped(EventData.GroupLooped e) {
            out.put("group", e.group()).put("members", users(e.members()));
            return null;
        }

        public Void resolved(EventData.Resolved e) {
            out.put("from", e.from().label()).put("to", CaseState.RESOLVED.label()).put("resolution", e.resolution())
                    .put("root_cause", e.rootCause());
            return null;
        }

        public Void reopened(EventData.Reopened e) {
            out.put("from", e.from().label()).put("to", e.to().label()).put("resolution", e.resolution());
            return null;
        }

        public Void messagePinned(EventData.MessagePinned e) {
            out.put("ts", e.ts()).put("author", e.author().map(UserId::value)).put("text", e.text()).put("permalink", e.permalink());
            return null;
        }

        public Void paged(EventData.Paged e) {
            out.put("user", e.user().value()).put("level", e.level()).put("rotation", e.rotation())
                    .put("unacknowledged_for", e.unacknowledgedFor().map(d -> Long.toString(d.toMinutes())));
            return null;
        }

        public Void chainEnded(EventData.ChainEnded e) {
            out.put("unacknowledged_for", Long.toString(e.unacknowledgedFor().toMinutes()));
            return null;
        }

        public Void watched(EventData.Watched e) {
            return null;
        }

        public Void unwatched(EventData.Unwatched e) {
            return null;
        }

        public Void summaryPosted(EventData.SummaryPosted e) {
            post(e.draftKind(), e.draft(), e.to(), e.leadership());
            out.put("edited", Boolean.toString(e.edited())).put("confirmed", e.confirmed()).put("why", e.why());
            return null;
        }

        public Void summaryNotPosted(EventData.SummaryNotPosted e) {
            post(e.draftKind(), e.draft(), e.to(), e.leadership());
            out.put("error", e.error()).put("needed", e.needed());
            return null;
        }

        public Void slackRefused(EventData.SlackRefused e) {
            out.put("what", e.what()).put("error", e.error()).put("needed", e.needed());
            return null;
        }

        private void post(DraftKind kind, long draft, String to, boolean leadership) {
            out.put("kind", kind.id()).put("draft", Long.toString(draft)).put("to", to).put("leadership", Boolean.toString(leadership));
        }

        public Void slaWarning(EventData.SlaWarning e) {
            out.put("clock", e.clock()).put("due", e.due().toString()).put("percent", Integer.toString(e.percent()))
                    .put("notify", users(e.notified()));
            return null;
        }

        public Void slaBreached(EventData.SlaBreached e) {
            out.put("clock", e.clock()).put("due", e.due().toString());
            return null;
        }

        public Void slaMet(EventData.SlaMet e) {
            out.put("clocks", String.join(",", e.clocks()));
            return null;
        }

        public Void caseLinked(EventData.CaseLinked e) {
            out.put("other", Long.toString(e.other().number()));
            return null;
        }

        public Void caseUnlinked(EventData.CaseUnlinked e) {
            out.put("other", Long.toString(e.other().number()));
            return null;
        }

        public Void mergedInto(EventData.MergedInto e) {
            out.put("into", Long.toString(e.into().number())).put("tasks_moved", Integer.toString(e.tasksMoved()));
            return null;
        }

        public Void duplicateMerged(EventData.DuplicateMerged e) {
            out.put("from", Long.toString(e.from().number())).put("invited", users(e.invited()))
                    .put("tasks_moved", Integer.toString(e.tasksMoved()));
            return null;
        }

        public Void deadlineSet(EventData.DeadlineSet e) {
            out.put("name", e.name()).put("due", e.due().toString()).put("before", e.before().map(Instant::toString));
            return null;
        }

        public Void deadlineDone(EventData.DeadlineDone e) {
            out.put("name", e.name()).put("due", e.due().toString()).put("met", Boolean.toString(e.met()));
            return null;
        }

        public Void deadlineDropped(EventData.DeadlineDropped e) {
            out.put("name", e.name()).put("due", e.due().toString()).put("reason", e.reason());
            return null;
        }

        public Void deadlineWarning(EventData.DeadlineWarning e) {
            out.put("name", e.name()).put("due", e.due().toString()).put("notify", users(e.notified()));
            return null;
        }

        public Void deadlineBreached(EventData.DeadlineBreached e) {
            out.put("name", e.name()).put("due", e.due().toString());
            return null;
        }

        public Void reportedAgain(EventData.ReportedAgain e) {
            out.put("source", e.source());
            return null;
        }

        public Void similarFound(EventData.SimilarFound e) {
            out.put("similar", String.join(",", e.similar().stream().map(id -> Long.toString(id.number())).toList()))
                    .put("duplicate_of", e.duplicateOf().map(id -> Long.toString(id.number())));
            return null;
        }

        public Void duplicateJudged(EventData.DuplicateJudged e) {
            out.put("of", Long.toString(e.of().number())).put("confirmed", Boolean.toString(e.confirmed()));
            return null;
        }

        public Void pageRequested(EventData.PageRequested e) {
            out.put("page", Integer.toString(e.page())).put("user", e.person().value()).put("group", e.group()).put("reason", e.reason());
            return null;
        }

        public Void pageHeld(EventData.PageHeld e) {
            out.put("page", Integer.toString(e.page())).put("user", e.person().value()).put("until", e.until().toString());
            return null;
        }

        public Void pageAcknowledged(EventData.PageAcknowledged e) {
            out.put("page", Integer.toString(e.page())).put("user", e.person().value()).put("after", Long.toString(e.after().toSeconds()));
            return null;
        }

        public Void pageUnanswered(EventData.PageUnanswered e) {
            out.put("page", Integer.toString(e.page())).put("user", e.person().value()).put("after", Long.toString(e.after().toMinutes()))
                    .put("group", e.group()).put("next", e.next().map(UserId::value));
            return null;
        }

        public Void pagerCalled(EventData.PagerCalled e) {
            out.put("page", Integer.toString(e.page())).put("pager", e.pager()).put("action", e.action()).put("dedup_key", e.dedupKey())
                    .put("attempt", Integer.toString(e.attempt())).put("outcome", e.outcome()).put("delivered", Boolean.toString(e.delivered()));
            return null;
        }

        public Void pageStepTaken(EventData.PageStepTaken e) {
            out.put("page", Integer.toString(e.page())).put("user", e.person().value()).put("via", e.via()).put("step", Integer.toString(e.step()));
            return null;
        }

        public Void runbookFlagged(EventData.RunbookFlagged e) {
            out.put("type", e.caseType()).put("question_id", e.questionId()).put("ask", e.ask());
            return null;
        }

        public Void failureTagged(EventData.FailureTagged e) {
            out.put("surface", e.surface()).put("subject", e.subject()).put("version", e.version()).put("rule", e.rule())
                    .put("mode", e.mode()).put("label", e.label());
            return null;
        }

        public Void runbookStarted(EventData.RunbookStarted e) {
            out.put("type", e.caseType());
            return null;
        }

        public Void runbookAnswered(EventData.RunbookAnswered e) {
            out.put("question", e.question()).put("answer", e.answer()).put("guidance", e.guidance());
            if (e.end()) out.put("end", "true");
            return null;
        }

        public Void triageSuggested(EventData.TriageSuggested e) {
            Suggestion s = e.suggestion();
            s.type().ifPresent(t -> out.put("type", t.value()).put("type_confidence", Double.toString(t.confidence())));
            out.put("severity", s.severity().value().name()).put("severity_confidence", Double.toString(s.severity().confidence()))
                    .put("surfaces", String.join(",", s.surfaces().value()))
                    .put("surfaces_confidence", Double.toString(s.surfaces().confidence()))
                    .put("rationale", s.rationale().value()).put("rationale_confidence", Double.toString(s.rationale().confidence()))
                    .put("source", e.suggested().source()).put("prompt_version", e.suggested().promptVersion())
                    .put("fell_back", e.suggested().fellBack())
                    .put("route", e.applied() ? "applied" : "held").put("rule", e.rule()).put("held_because", e.heldBecause())
                    .put("shadow_rule", e.shadow().map(ShadowRoute::rule))
                    .put("shadow_route", e.shadow().map(r -> r.apply() ? "apply" : "hold"));
            e.shadowPrompt().ifPresent(p -> {
                out.put("shadow_prompt", p.promptVersion()).put("shadow_prompt_source", p.source())
                        .put("shadow_prompt_severity", p.severity().value().name())
                        .put("shadow_prompt_severity_confidence", Double.toString(p.severity().confidence()));
                p.type().ifPresent(t -> out.put("shadow_prompt_type", t.value())
                        .put("shadow_prompt_type_confidence", Double.toString(t.confidence())));
            });
            s.fields().forEach((id, g) -> out.put("field." + id, g.value()).put("field_confidence." + id, Double.toString(g.confidence())));
            return null;
        }

        public Void triageJudged(EventData.TriageJudged e) {
            out.put("verdict", e.verdict().id()).put("from", e.from()).put("to", e.to())
                    .put("suggested_type", e.suggestedType()).put("suggested_severity", e.suggestedSeverity().name());
            return null;
        }

        private static String users(List<UserId> users) {
            return users.stream().map(UserId::value).collect(Collectors.joining(","));
        }
    }

    private static final class Out {
        final Map<String, String> map = new LinkedHashMap<>();

        Out put(String key, String value) {
            map.put(key, value);
            return this;
        }

        Out put(String key, Optional<String> value) {
            value.ifPresent(v -> map.put(key, v));
            return this;
        }
    }

    private record In(Map<String, String> map) {
        String text(String key) {
            return map.getOrDefault(key, "");
        }

        Optional<String> optional(String key) {
            return Optional.ofNullable(map.get(key)).filter(v -> !v.isEmpty());
        }

        long number(String key) {
            return optional(key).map(Long::parseLong).orElse(0L);
        }

        double fraction(String key) {
            return optional(key).map(Double::parseDouble).orElse(0.0);
        }

        /** A triage suggestion's field values, kept as {@code field.<id>} and {@code field_confidence.<id>}. */
        Map<String, Guess<String>> proposedFields() {
            Map<String, Guess<String>> out = new java.util.TreeMap<>();
            map.forEach((key, value) -> {
                if (key.startsWith("field.")) out.put(key.substring(6), new Guess<>(value, fraction("field_confidence." + key.substring(6))));
            });
            return out;
        }

        boolean flag(String key) {
            return text(key).equals("true");
        }

        Severity severity(String key) {
            return Severity.valueOf(text(key));
        }

        CaseState state(String key) {
            return CaseState.parse(text(key)).orElseThrow(() -> new IllegalStateException("no case state " + text(key) + " in " + key));
        }

        DraftKind draftKind() {
            return DraftKind.of(text("kind")).orElseThrow(() -> new IllegalStateException("no draft kind " + text("kind")));
        }

        /** A comma-separated list, as lists are kept (older surfaces lists have a space after each comma). */
        List<String> list(String key) {
            return optional(key).map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList()).orElse(List.of());
        }

        /** Values kept one key each, {@code <prefix>_1}, {@code <prefix>_2} and on, in order. */
        List<String> numbered(String prefix) {
            List<String> values = new ArrayList<>();
            for (int i = 1; map.containsKey(prefix + "_" + i); i++) values.add(map.get(prefix + "_" + i));
            return values;
        }

        List<UserId> users(String key) {
            return list(key).stream().map(UserId::new).toList();
        }
    }
}
