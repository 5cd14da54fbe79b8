package app.escalate.bot.slack;

import app.escalate.bot.outbox.DeliveryAttempt;
import app.escalate.bot.render.DraftMessage;
import app.escalate.bot.render.PostedConfirmation;
import app.escalate.bot.render.SlackMessage;
import app.escalate.commands.CaseFile;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import app.escalate.commands.summary.Draft;
import app.escalate.commands.summary.DraftPosts;
import app.escalate.commands.summary.DraftStore;
import app.escalate.storage.FollowUp;
import app.escalate.storage.JdbiCaseStore;

import java.util.HashSet;
import java.util.Set;

/** Delivers drafts for review (only to whoever asked), approved drafts to their channels, and exec-update reminders. */
final class DraftDelivery {
    private final SlackCalls calls;
    private final DraftStore drafts;
    private final JdbiCaseStore cases;

    private final java.time.Clock clock;

    DraftDelivery(SlackCalls calls, DraftStore drafts, JdbiCaseStore cases, java.time.Clock clock) {
        this.clock = clock;
        this.calls = calls;
        this.drafts = drafts;
        this.cases = cases;
    }

    /** Where they asked (the response URL lasts 30 minutes), else as an ephemeral message in that channel. */
    DeliveryAttempt show(SlackEffect.ShowDraft e) {
        Draft d = draft(e.draftId());
        CaseFile file = file(d);
        SlackMessage message = DraftMessage.review(d, file.details(), people(file));
        if (d.responseUrl().isPresent() && calls.respond(d.responseUrl().get(), message)) return DeliveryAttempt.sent();
        calls.postEphemeral(d.channel().value(), d.requester().value(), message);
        return DeliveryAttempt.sent();
    }

    /**
     * Posts the approved text, and records on the timeline that it went there; when Slack refuses
     * it, records that instead, with Slack's reason, for the approver's confirmation to say.
     */
    DeliveryAttempt post(SlackEffect.PostDraft e) {
        Draft d = draft(e.draftId());
        CaseFile file = file(d);
        try {
            calls.postTo(e.to(), DraftMessage.posted(d, file.details(), people(file)));
        } catch (SlackCalls.Refused r) {
            if (r.error.isEmpty()) throw r;
            return new DeliveryAttempt.GiveUp(r.getMessage(),
                    FollowUp.event(DraftPosts.refused(d, e.to(), e.leadership(), r.error.get(), r.needed, now())));
        }
        return DeliveryAttempt.sent(FollowUp.event(DraftPosts.posted(d, e.to(), e.leadership(), now())));
    }

    /** Where the approved draft went, from the timeline: queued after its posts, so each has been answered. */
    DeliveryAttempt confirm(SlackEffect.ConfirmPosted e) {
        Draft d = draft(e.draftId());
        String text = PostedConfirmation.of(d, DraftPosts.of(d.id(), cases.timeline(d.caseId())), e.note());
        calls.postEphemeral(d.channel().value(), e.user().value(), SlackMessage.text(text));
        return DeliveryAttempt.sent();
    }

    private java.time.Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    DeliveryAttempt reply(SlackEffect.DraftReply e) {
        Draft d = draft(e.draftId());
        calls.postEphemeral(d.channel().value(), e.user().value(), SlackMessage.text(app.escalate.bot.render.Mrkdwn.escape(e.text())));
        return DeliveryAttempt.sent();
    }

    DeliveryAttempt execUpdateDue(SlackEffect.ExecUpdateDue e) {
        var c = cases.find(e.caseId()).orElseThrow(() -> new SlackCalls.Refused("no case " + e.caseId()));
        var channel = c.channel().orElseThrow(() -> new SlackCalls.Refused(e.caseId() + " has no channel"));
        calls.postTo(channel.id().value(), SlackMessage.text(DraftMessage.execUpdateDue(c, e.every())));
        return DeliveryAttempt.sent();
    }

    private Draft draft(long id) {
        return drafts.find(id).orElseThrow(() -> new SlackCalls.Refused("no draft " + id));
    }

    private CaseFile file(Draft d) {
        return cases.file(d.caseId()).orElseThrow(() -> new SlackCalls.Refused("no case " + d.caseId()));
    }

    /** Who a draft may mention: the people on the case. */
    private static Set<UserId> people(CaseFile file) {
        Set<UserId> people = new HashSet<>(file.members());
        people.add(file.details().reporter());
        file.details().owner().ifPresent(people::add);
        return people;
    }

}
