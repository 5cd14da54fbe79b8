package app.escalate.commands.handlers;

import app.escalate.commands.Case;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseStore;
import app.escalate.commands.ChannelName;
import app.escalate.commands.CommandParser;
import app.escalate.commands.EventData;
import app.escalate.commands.EscCommand;
import app.escalate.commands.Invocation;
import app.escalate.commands.Level;
import app.escalate.commands.NewCase;
import app.escalate.commands.Opening;
import app.escalate.commands.Paging;
import app.escalate.commands.Reply;
import app.escalate.commands.Severity;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.SlackText;
import app.escalate.commands.UserId;
import app.escalate.commands.fields.FieldValue;
import app.escalate.commands.paging.PageSteps;
import app.escalate.commands.oncall.OnCall;
import app.escalate.commands.oncall.Schedule;
import app.escalate.config.CaseType;
import app.escalate.config.Policy;
import app.escalate.config.Rotation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /esc open}: records the case and queues its channel (private when the case type is
 * restricted), the invite, the pinned card, the topic, the runbook, and the link back.
 */
public final class OpenCase {
    private final CaseStore cases;
    private final Policy policy;
    private final OnCall onCall;
    private final Clock clock;
    private final PageSteps steps;

    public OpenCase(CaseStore cases, Policy policy, OnCall onCall, Clock clock) {
        this.cases = cases;
        this.policy = policy;
        this.onCall = onCall;
        this.clock = clock;
        this.steps = new PageSteps(policy);
    }

    /** How a case is stored with what its opening sets in motion: {@link CaseStore#open}, or that under a machine's dedup key. */
    @FunctionalInterface
    public interface Store {
        Case open(NewCase draft, Function<Case, Opening> follow);
    }

    public Reply handle(EscCommand.Open command, Invocation by) {
        return handle(command, by, cases::open);
    }

    public Reply handle(EscCommand.Open command, Invocation by, Store store) {
        Optional<String> malformed = malformed(command);
        if (malformed.isPresent()) return new Reply.Refusal(malformed.get());
        Optional<CaseType> type = command.caseType().flatMap(policy::caseType);
        if (command.caseType().isPresent() && type.isEmpty()) {
            return new Reply.Refusal("There is no case type `" + command.caseType().get() + "`. Known types: "
                    + policy.caseTypes().stream().map(t -> "`" + t.id() + "`").collect(Collectors.joining(", ")) + ".");
        }
        Severity severity = command.severity()
                .or(() -> type.map(t -> Severity.ofLevel(t.defaultSeverityLevel())))
                .orElse(Severity.DEFAULT);
        boolean restricted = command.restricted().orElse(type.map(CaseType::restricted).orElse(false));
        boolean hasRunbook = type.map(t -> !t.runbook().isEmpty()).orElse(false);
        Optional<String> badFields = FieldValue.invalid(type, command.fields());
        if (badFields.isPresent()) return new Reply.Refusal(badFields.get());
        NewCase draft = new NewCase(command.title(), severity, type.map(CaseType::id), command.surface(), command.description(),
                by.user(), clock.instant(), restricted);
        Case opened = store.open(draft, c -> opening(c, by, hasRunbook, type, command.fields()));
        return new Reply.CaseOpened(opened, channelName(opened));
    }

    /** What a form's fields (which arrive as long as their sender makes them) get wrong, in a sentence. */
    private static Optional<String> malformed(EscCommand.Open command) {
        if (command.title().isBlank()) return Optional.of("Give the case a title.");
        if (SlackText.length(command.title()) > CommandParser.MAX_TITLE_LENGTH) {
            return Optional.of("A title is at most " + CommandParser.MAX_TITLE_LENGTH + " characters; this one has "
                    + SlackText.length(command.title()) + ".");
        }
        if (command.surface().map(SlackText::length).orElse(0) > CommandParser.MAX_SURFACE_LENGTH) {
            return Optional.of("An affected surface is at most " + CommandParser.MAX_SURFACE_LENGTH + " characters.");
        }
        if (command.description().map(SlackText::length).orElse(0) > CommandParser.MAX_NOTE_LENGTH) {
            return Optional.of("A description is at most " + CommandParser.MAX_NOTE_LENGTH + " characters.");
        }
        return Optional.empty();
    }

    /** Pages whoever is on call now: the primary of each rotation, and for a SEV1 the secondary too, each by their own steps. */
    private Opening opening(Case c, Invocation by, boolean hasRunbook, Optional<CaseType> type, Map<String, String> fields) {
        PageSteps.Out paging = PageSteps.Out.collecting();
        List<UserId> paged = new ArrayList<>();
        CaseFile file = new CaseFile(c, List.of(), Set.of(), Set.of());
        List<Level> levels = c.severity() == Severity.SEV1 ? List.of(Level.PRIMARY, Level.SECONDARY) : List.of(Level.PRIMARY);
        for (Schedule schedule : onCall.schedules(c.openedAt())) {
            Rotation rotation = schedule.rotation();
            for (Level level : levels) {
                Optional<UserId> who = schedule.holder(level, c.openedAt()).filter(u -> !paged.contains(u));
                if (who.isEmpty()) continue;
                paged.add(who.get());
                paging.events().add(CaseEvent.paged(c, c.openedAt(), who.get(), level.label(), rotation.name(), Optional.empty()));
                file = steps.onCall(file, who.get(), level.label(), rotation.name(), c.openedAt(), paging);
            }
        }
        List<CaseEvent> events = new ArrayList<>(paging.events());
        Set<UserId> members = new HashSet<>(paged);
        // Unacknowledged, the page climbs the chain after each ack timeout; a SEV1 has paged its secondary already.
        Paging chain = paged.isEmpty() ? Paging.NONE : new Paging(levels.size() - 1,
                Optional.of(c.openedAt().plus(policy.severity(c.severity().level()).ack())));
        List<SlackEffect> effects = new ArrayList<>(SlackEffect.forOpenedCase(c, channelName(c), by.responseUrl(), hasRunbook, paged,
                paging.effects()));
        // Triage runs after the ack, from the outbox: queued with the case, it survives a crash.
        if (policy.triage().configured()) effects.add(new SlackEffect.TriageCase(c.id()));
        effects.add(new SlackEffect.SuggestSimilar(c.id()));
        // The form's fields, each on the timeline as set by the one who opened the case.
        List<CaseEvent> set = type.map(t -> t.fields().stream().filter(f -> fields.containsKey(f.id())).map(f -> new CaseEvent(c.id(),
                c.openedAt(), by.user(), new EventData.FieldSet(f.id(), f.label(), Optional.empty(), fields.get(f.id())))).toList())
                .orElse(List.of());
        events.addAll(0, set);
        return new Opening(events, members, effects, chain, fields, file.pages());
    }

    private String channelName(Case c) {
        return ChannelName.of(policy.workspace().channelPrefix(), c.id(), c.title());
    }
}
