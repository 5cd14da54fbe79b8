package app.escalate.commands.paging;

import app.escalate.commands.Case;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.EventData;
import app.escalate.commands.PersonPage;
import app.escalate.commands.Severity;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import app.escalate.config.NotifyStep;
import app.escalate.config.Person;
import app.escalate.config.Policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a page to a person climbs: their notify steps ({@code people.<id>.notify}, Slack alone by
 * default), each {@code after} the page began, every step inside the severity's ack time (a later
 * one is taken at the ack time, before the page goes further up). In their quiet hours a page
 * waits until they end, unless the case is a SEV1. A page asked for with {@code /esc page} goes
 * unanswered after the ack time and, when it named a group, climbs to the group's next member.
 * Each method adds to the decision's events and effects and returns the file as it stands after.
 */
public final class PageSteps {
    private final Policy policy;

    public PageSteps(Policy policy) {
        this.policy = policy;
    }

    /** What a page adds to a decision: its timeline events and its effects. */
    public record Out(List<CaseEvent> events, List<SlackEffect> effects) {
        public static Out collecting() {
            return new Out(new ArrayList<>(), new ArrayList<>());
        }
    }

    /** Pages {@code person} as {@code level} on call of {@code rotation}: the page is recorded and whatever step is due at once taken. */
    public CaseFile onCall(CaseFile file, UserId person, String level, String rotation, Instant now, Out out) {
        PersonPage page = new PersonPage(file.nextPageNumber(), person, Optional.of(level), Optional.of(rotation), Optional.empty(),
                Optional.empty(), Optional.empty(), now, now, 0, Optional.of(now), PersonPage.Status.OPEN, Optional.empty(), Set.of(),
                Optional.empty());
        return climb(file.withPage(page), page.number(), now, out);
    }

    /** Pages {@code person} because {@code by} asked, saying {@code reason} (from {@code group}, when they named one). */
    public CaseFile adHoc(CaseFile file, UserId person, UserId by, Optional<String> group, String reason, Instant now, Out out) {
        PersonPage page = new PersonPage(file.nextPageNumber(), person, Optional.empty(), Optional.empty(), Optional.of(by), group,
                Optional.of(reason), now, now, 0, Optional.of(now), PersonPage.Status.OPEN, Optional.empty(), Set.of(), Optional.empty());
        Case c = file.details();
        CaseEvent asked = new CaseEvent(c.id(), now, by, new EventData.PageRequested(page.number(), person, group, reason));
        out.events().add(asked);
        out.effects().add(new SlackEffect.Announce(c.id(), asked));
        if (!file.members().contains(person)) out.effects().add(new SlackEffect.InviteToChannel(c.id(), List.of(person)));
        return climb(file.withPage(page).withMember(person), page.number(), now, out);
    }

    /** The open pages with a step (or an answer) due at {@code now}. */
    public static List<PersonPage> due(CaseFile file, Instant now) {
        return file.pages().stream().filter(PersonPage::isOpen).filter(p -> p.nextAt().map(at -> !at.isAfter(now)).orElse(false)).toList();
    }

    /** Takes every step due at {@code now} on the case's open pages. */
    public CaseFile climbAll(CaseFile file, Instant now, Out out) {
        CaseFile after = file;
        for (PersonPage p : due(file, now)) after = climb(after, p.number(), now, out);
        return after;
    }

    /** A case raised to SEV1 breaks the quiet hours its pages wait for: they climb now. */
    public CaseFile severityRaised(CaseFile file, Instant now, Out out) {
        if (file.details().severity() != Severity.SEV1) return file;
        CaseFile after = file;
        for (PersonPage p : file.pages()) {
            if (p.isOpen() && p.heldUntil().map(now::isBefore).orElse(false)) {
                after = climb(after.withPage(p.released(now)), p.number(), now, out);
            }
        }
        return after;
    }

    CaseFile climb(CaseFile file, int number, Instant now, Out out) {
        PersonPage page = file.page(number).orElseThrow();
        if (!page.isOpen()) return file;
        Case c = file.details();
        Person person = policy.person(page.person().value());
        Duration ack = policy.severity(c.severity().level()).ack();
        List<NotifyStep> steps = person.steps();
        Instant answerBy = page.climbFrom().plus(ack);
        int step = page.nextStep();
        while (step < steps.size() && !now.isBefore(dueAt(page, steps.get(step), ack))) {
            if (c.severity() != Severity.SEV1 && person.isQuiet(now)) {
                Instant until = person.quietUntil(now);
                CaseEvent held = new CaseEvent(c.id(), now, c.reporter(), new EventData.PageHeld(number, page.person(), until));
                out.events().add(held);
                out.effects().add(new SlackEffect.Announce(c.id(), held));
                return file.withPage(page.held(until));
            }
            page = take(c, page, steps.get(step), step, now, out);
            step++;
        }
        if (page.adHoc() && !now.isBefore(answerBy)) return unanswered(file, page.climbing(step, Optional.empty()), now, out);
        Optional<Instant> next = step < steps.size() ? Optional.of(dueAt(page, steps.get(step), ack)) : Optional.empty();
        if (page.adHoc()) next = Optional.of(next.filter(n -> n.isBefore(answerBy)).orElse(answerBy));
        return file.withPage(page.climbing(step, next));
    }

    private static Instant dueAt(PersonPage page, NotifyStep step, Duration ack) {
        return page.climbFrom().plus(step.delay().compareTo(ack) > 0 ? ack : step.delay());
    }

    private static PersonPage take(Case c, PersonPage page, NotifyStep step, int index, Instant now, Out out) {
        // The first Slack message as the page begins is the page itself; every later or other step is on the timeline.
        if (index > 0 || !step.via().equals("slack") || now.isAfter(page.startedAt())) {
            out.events().add(new CaseEvent(c.id(), now, c.reporter(), new EventData.PageStepTaken(page.number(), page.person(), step.via(), index + 1)));
        }
        if (step.via().equals("slack")) {
            out.effects().add(page.adHoc() ? new SlackEffect.AdHocPage(c.id(), page.number())
                    : new SlackEffect.Page(c.id(), page.person(), page.level().orElseThrow(), page.rotation().orElseThrow()));
            return page;
        }
        out.effects().add(new SlackEffect.PagerCall(c.id(), step.via(), "trigger", page.dedupKey(c.id()), page.number(),
                Optional.of(page.person())));
        return page.ringing(step.via());
    }

    /** Nobody answered in time: the group's next member is paged, if the page named a group and anyone in it is left. */
    private CaseFile unanswered(CaseFile file, PersonPage page, Instant now, Out out) {
        Case c = file.details();
        Optional<UserId> next = page.group().flatMap(g -> nextInGroup(file, g, page));
        CaseEvent event = new CaseEvent(c.id(), now, c.reporter(), new EventData.PageUnanswered(page.number(), page.person(),
                Duration.between(page.startedAt(), now), page.group(), next));
        out.events().add(event);
        out.effects().add(new SlackEffect.Announce(c.id(), event));
        PersonPage settled = page.settled(PersonPage.Status.UNANSWERED, now);
        if (next.isPresent()) {
            // The group's next member takes it up: the pagers this one rang stop, so they do not ring on for nobody.
            for (String pager : page.triggered()) {
                out.effects().add(new SlackEffect.PagerCall(c.id(), pager, "resolve", page.dedupKey(c.id()), page.number(), Optional.empty()));
            }
            settled = settled.silenced();
        }
        CaseFile after = file.withPage(settled);
        if (next.isEmpty()) return after;
        return adHoc(after, next.get(), page.requestedBy().orElseThrow(), page.group(), page.reason().orElseThrow(), now, out);
    }

    /** The member after {@code page}'s person in the group's order, skipping whoever asked and whoever this request paged already. */
    private Optional<UserId> nextInGroup(CaseFile file, String group, PersonPage page) {
        Set<UserId> paged = new LinkedHashSet<>();
        for (PersonPage p : file.pages()) {
            if (p.adHoc() && p.group().equals(page.group()) && p.reason().equals(page.reason())) paged.add(p.person());
        }
        List<String> members = policy.group(group);
        int from = members.indexOf(page.person().value());
        for (int i = 1; i <= members.size(); i++) {
            UserId candidate = new UserId(members.get((from + i + members.size()) % members.size()));
            if (!paged.contains(candidate) && !page.requestedBy().orElseThrow().equals(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    /** The case was acknowledged: its pages from the rotations stop, and each pager they rang hears acknowledge, once. */
    public CaseFile caseAcknowledged(CaseFile file, Instant now, Out out) {
        CaseFile after = file;
        Set<String> told = new LinkedHashSet<>();
        for (PersonPage p : file.pages()) {
            if (p.adHoc() || !p.isOpen()) continue;
            after = after.withPage(p.settled(PersonPage.Status.STOPPED, now));
            for (String pager : p.triggered()) {
                if (told.add(pager)) {
                    out.effects().add(new SlackEffect.PagerCall(file.id(), pager, "acknowledge", p.dedupKey(file.id()), p.number(), Optional.empty()));
                }
            }
        }
        return after;
    }

    /** {@code page}'s person said they have it: it stops climbing, and each pager it rang hears acknowledge. */
    public CaseFile pageAcknowledged(CaseFile file, PersonPage page, Instant now, Out out) {
        Case c = file.details();
        CaseEvent event = new CaseEvent(c.id(), now, page.person(), new EventData.PageAcknowledged(page.number(), page.person(),
                Duration.between(page.startedAt(), now)));
        out.events().add(event);
        out.effects().add(new SlackEffect.Announce(c.id(), event));
        for (String pager : page.triggered()) {
            out.effects().add(new SlackEffect.PagerCall(c.id(), pager, "acknowledge", page.dedupKey(c.id()), page.number(), Optional.empty()));
        }
        return file.withPage(page.settled(PersonPage.Status.ACKNOWLEDGED, now));
    }

    /**
     * The case was resolved: every page stops, and every incident a pager still holds for it hears
     * resolve, once (its acknowledged and unanswered pages' too), so nothing rings on after.
     */
    public CaseFile caseResolved(CaseFile file, Instant now, Out out) {
        CaseFile after = file;
        Set<String> told = new LinkedHashSet<>();
        for (PersonPage p : file.pages()) {
            if (p.triggered().isEmpty() && !p.isOpen()) continue;
            for (String pager : p.triggered()) {
                if (told.add(pager + " " + p.dedupKey(file.id()))) {
                    out.effects().add(new SlackEffect.PagerCall(file.id(), pager, "resolve", p.dedupKey(file.id()), p.number(), Optional.empty()));
                }
            }
            PersonPage settled = p.isOpen() ? p.settled(PersonPage.Status.STOPPED, now) : p;
            after = after.withPage(settled.silenced());
        }
        return after;
    }
}
