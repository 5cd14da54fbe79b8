package app.escalate.commands.handlers;

import app.escalate.commands.CaseAction;
import app.escalate.commands.CaseFile;
import app.escalate.commands.Decision;
import app.escalate.commands.MachineReporter;
import app.escalate.commands.PersonPage;
import app.escalate.commands.UserId;
import app.escalate.commands.access.Permissions;
import app.escalate.commands.paging.PageSteps;
import app.escalate.config.Policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code /esc page @person|<group> <reason>}: pages anyone, on a rotation or not (an expert, a
 * manager), by their own steps, with an Acknowledge page button; a group's first member first,
 * then (unanswered) its next. The case is told, the person invited. And the button: only the
 * person paged may acknowledge their page.
 */
final class PagePerson implements CaseChange<CaseAction.PageSomeone> {
    private final Policy policy;
    private final Permissions permissions;
    private final PageSteps steps;

    PagePerson(Policy policy, Permissions permissions) {
        this.policy = policy;
        this.permissions = permissions;
        this.steps = new PageSteps(policy);
    }

    @Override
    public Decision decide(CaseFile file, CaseAction.PageSomeone action, UserId actor, Instant now) {
        var c = file.details();
        if (!c.isOpen()) return Decisions.reopenFirst(c);
        if (!permissions.maySteer(actor, c)) return Decisions.rejected(Permissions.onlySteerers("page someone for a case"));
        Optional<UserId> person = action.person();
        if (action.group().isPresent()) {
            String group = action.group().get();
            if (!policy.groups().containsKey(group)) {
                return Decisions.rejected("There is no group `" + group + "`. Page a group from " + policy.groups().keySet().stream().sorted()
                        .map(g -> "`" + g + "`").collect(Collectors.joining(", ")) + ", or one @person.");
            }
            person = policy.group(group).stream().map(UserId::new).filter(u -> !u.equals(actor)).findFirst();
            if (person.isEmpty()) return Decisions.rejected("There is nobody in `" + group + "` to page but you.");
        }
        UserId who = person.orElseThrow();
        if (who.equals(actor)) return Decisions.rejected("You can't page yourself.");
        if (MachineReporter.is(who)) return Decisions.rejected("That is a machine source, not a person to page.");
        Optional<PersonPage> open = file.pages().stream().filter(p -> p.adHoc() && p.isOpen() && p.person().equals(who)).findFirst();
        if (open.isPresent()) {
            long minutes = Duration.between(open.get().startedAt(), now).toMinutes();
            return Decisions.rejected("<@" + who.value() + "> was paged for " + c.id() + " " + minutes + " min ago and has not answered yet;"
                    + " the page climbs their steps until they do.");
        }
        PageSteps.Out out = PageSteps.Out.collecting();
        CaseFile after = steps.adHoc(file, who, actor, action.group(), action.reason(), now, out);
        return new Decision.Applied(after, out.events(), out.effects());
    }

    /** The Acknowledge page button: the page's own person, once; a late answer to an unanswered page still counts. */
    Decision acknowledge(CaseFile file, CaseAction.AcknowledgePage action, UserId actor, Instant now) {
        var c = file.details();
        Optional<PersonPage> page = file.page(action.page()).filter(PersonPage::adHoc);
        if (page.isEmpty()) return Decisions.rejected("There is no such page on " + c.id() + ".");
        if (!page.get().person().equals(actor)) {
            return Decisions.rejected("This page is for <@" + page.get().person().value() + ">; only they can acknowledge it.");
        }
        return switch (page.get().status()) {
            case ACKNOWLEDGED -> Decisions.rejected("You acknowledged this page already.");
            case STOPPED -> Decisions.rejected(c.id() + " was resolved; the page has stopped.");
            case OPEN, UNANSWERED -> {
                PageSteps.Out out = PageSteps.Out.collecting();
                CaseFile after = steps.pageAcknowledged(file, page.get(), now, out);
                yield new Decision.Applied(after, out.events(), out.effects());
            }
        };
    }
}
