package app.escalate.commands.summary;

import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseId;
import app.escalate.commands.CaseNotFound;
import app.escalate.commands.CaseStore;
import app.escalate.commands.ChannelId;
import app.escalate.commands.DraftKind;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.SlackText;
import app.escalate.commands.UserId;
import app.escalate.commands.access.Permissions;
import app.escalate.commands.AiOverride;
import app.escalate.config.Policy;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Drafting and review: a draft is written (by the model, or the template when there is none or it
 * fails), checked against the case, stored and shown only to whoever asked; their click posts it
 * (as is or edited), discards it, or asks for another. Every outcome is kept for {@link DraftStats}.
 */
public final class Drafts {
    public static final int MAX_POSTED_LENGTH = 3_000;
    /** A reviewer's reason for letting findings stand. */
    public static final int MAX_WHY_LENGTH = 1_000;
    /** The answer about a draft that does not exist, or that the asker may not know of. */
    public static final String GONE = "That draft is no longer on record.";
    /** The button that opens the draft for correcting or confirming its findings. */
    public static final String REVIEW_LABEL = "Review & post…";

    private final CaseStore cases;
    private final DraftStore drafts;
    private final Policy policy;
    private final Drafter drafter;
    private final Permissions permissions;
    private final Clock clock;

    public Drafts(CaseStore cases, DraftStore drafts, Policy policy, Optional<SummaryModel> model, Permissions permissions, Clock clock) {
        this.cases = cases;
        this.drafts = drafts;
        this.policy = policy;
        this.drafter = new Drafter(policy, model);
        this.permissions = permissions;
        this.clock = clock;
    }

    /**
     * Writes, checks and stores the draft asked for by {@code request} (a queued job's key), and
     * queues it to be shown to {@code requester}; a request already drafted returns its draft, so a
     * job run twice shows one draft. Slow: never on Slack's ack path.
     */
    public Draft draft(CaseId id, DraftKind kind, UserId requester, ChannelId channel, Optional<String> responseUrl, String request) {
        Optional<Draft> done = drafts.forRequest(request);
        if (done.isPresent()) return done.get();
        CaseFile file = cases.file(id).orElseThrow(() -> new CaseNotFound(id));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Drafter.Written w = drafter.write(kind, file, cases.timeline(id), now);
        NewDraft draft = new NewDraft(id, kind, requester, channel, responseUrl, w.promptVersion(), w.model(), w.latencyMillis(),
                w.inputTokens(), w.outputTokens(), w.text(), w.findings(), w.fallback(), now);
        return drafts.save(draft, request, saved -> List.of(new SlackEffect.ShowDraft(saved.id())));
    }

    /** Approve & post as drafted, with no findings confirmed. */
    public Optional<DraftDecision> approve(long id, UserId by, Optional<String> edited) {
        return approve(id, by, edited, Optional.empty());
    }

    /**
     * Approve & post, with the reviewer's edit if they made one: to the case channel, and for a summary
     * of an unrestricted case approved by someone who may steer it, to leadership. Every
     * finding the checks make on the text as posted must be gone or confirmed by the reviewer, with a
     * reason; one the reviewer was never shown stops the post.
     */
    public Optional<DraftDecision> approve(long id, UserId by, Optional<String> edited, Optional<Draft.Confirmation> confirmed) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<DraftDecision> decision = drafts.decide(id, d -> {
            Optional<DraftDecision.Rejected> refused = refuse(d, by);
            if (refused.isPresent()) return refused.get();
            String posted = edited.map(String::strip).filter(t -> !t.isEmpty()).orElse(d.text());
            if (SlackText.length(posted) > MAX_POSTED_LENGTH) {
                return new DraftDecision.Rejected("A summary is at most " + MAX_POSTED_LENGTH + " characters; this one has "
                        + SlackText.length(posted) + ".");
            }
            double ratio = editRatio(d.text(), posted);
            Draft.Outcome how = ratio == 0 ? Draft.Outcome.AS_IS : Draft.Outcome.EDITED;
            CaseFile file = cases.file(d.caseId()).orElseThrow(() -> new CaseNotFound(d.caseId()));
            // Leadership reads only what someone who may steer the case approved; anyone else's approval stays in the case channel.
            boolean forLeadership = d.kind() == DraftKind.EXEC_SUMMARY && !file.details().restricted();
            boolean toLeadership = forLeadership && permissions.maySteer(by, file.details());
            if (file.details().channel().isEmpty()) {
                return new DraftDecision.Rejected(d.caseId() + " has no channel yet, so there is nowhere to post this; "
                        + "try again once its channel exists.");
            }
            // What is posted is checked against the case as it is now: an edit, or a case that moved on since the draft.
            // Times are those known when the draft was written (its "next update by" among them); the facts are today's.
            CaseBrief current = CaseBrief.of(file, cases.timeline(d.caseId()), policy, d.createdAt(), CaseBrief.TIMELINE_BUDGET);
            // The findings of the text as it will go, against the case as it is: one that no longer holds needs nothing.
            Set<String> open = new LinkedHashSet<>(DraftCheck.check(posted, current).findings());
            // The form offers a box only for the draft's standing findings: anything else (a mention typed into an edit,
            // a case re-rated since) is for correcting, not confirming.
            List<String> unseen = open.stream().filter(f -> !d.openFindings().contains(f)).toList();
            if (!unseen.isEmpty()) {
                return new DraftDecision.Rejected("Not posted: " + String.join("; ", unseen)
                        + ". Correct the text (Edit), or Regenerate the draft from the case as it is now.");
            }
            Optional<Draft.Confirmation> confirmation = confirmation(open, confirmed);
            if (confirmation.isEmpty() && !open.isEmpty()) {
                List<String> unconfirmed = open.stream().filter(f -> confirmed.map(c -> !c.findings().contains(f)).orElse(true)).toList();
                return new DraftDecision.Rejected(unconfirmed.isEmpty()
                        ? "Say why the findings can stand; the reason is kept with the post."
                        : "Not posted: the checks found " + String.join("; ", unconfirmed) + ". Correct the text, or confirm each "
                        + "finding and say why it stands (" + REVIEW_LABEL + ").");
            }
            // Each post records on the timeline what Slack answered; the approver is told afterwards, from that record.
            String leadership = policy.workspace().leadershipChannel();
            List<SlackEffect> effects = new ArrayList<>();
            effects.add(new SlackEffect.PostDraft(d.id(), file.details().channel().orElseThrow().id().value(), false));
            if (toLeadership) effects.add(new SlackEffect.PostDraft(d.id(), leadership, true));
            String note = (forLeadership && !toLeadership ? "Posting to #" + leadership + " needs the case owner, the on-call "
                    + "or someone in `" + Permissions.RESPONDERS + "` (one of them can run `/esc summary` and approve theirs). "
                    : d.kind() == DraftKind.EXEC_SUMMARY && !forLeadership ? "It stays in the case channel: the case is restricted. " : "")
                    + confirmation.map(c -> "With " + c.findings().size() + (c.findings().size() == 1 ? " finding" : " findings")
                    + " confirmed by you.").orElse("");
            effects.add(new SlackEffect.ConfirmPosted(d.id(), by, note.strip()));
            if (how == Draft.Outcome.EDITED) askWhy(d, by).ifPresent(effects::add);
            return new DraftDecision.Applied(d.decided(how, by, Optional.of(posted), Optional.of(ratio), now, confirmation),
                    List.of(), effects);
        });
        decision.filter(x -> x instanceof DraftDecision.Applied).ifPresent(x -> watchAcceptance(((DraftDecision.Applied) x).after().kind()));
        return decision;
    }

    /** The reviewer's confirmation of exactly the open findings, when it covers each of them and gives a reason. */
    private static Optional<Draft.Confirmation> confirmation(Set<String> open, Optional<Draft.Confirmation> confirmed) {
        if (open.isEmpty() || confirmed.isEmpty()) return Optional.empty();
        String why = confirmed.get().why().strip();
        if (why.isEmpty() || !confirmed.get().findings().containsAll(open)) return Optional.empty();
        return Optional.of(new Draft.Confirmation(List.copyOf(open), SlackText.clip(why, MAX_WHY_LENGTH)));
    }

    public Optional<DraftDecision> discard(long id, UserId by) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<DraftDecision> decision = drafts.decide(id, d -> refuse(d, by).map(r -> (DraftDecision) r)
                .orElseGet(() -> new DraftDecision.Applied(d.decided(Draft.Outcome.DISCARDED, by, Optional.empty(), Optional.empty(), now),
                        List.of(), java.util.stream.Stream.concat(java.util.stream.Stream.of(new SlackEffect.DraftReply(d.id(), by, "Draft discarded; nothing was posted.")),
                                askWhy(d, by).stream()).toList())));
        decision.filter(x -> x instanceof DraftDecision.Applied).ifPresent(x -> watchAcceptance(((DraftDecision.Applied) x).after().kind()));
        return decision;
    }

    /** Closes this draft as "asked for another", and queues the new one for {@code by}, shown where they clicked. */
    public Optional<DraftDecision> regenerate(long id, UserId by, Optional<String> responseUrl) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return drafts.decide(id, d -> refuse(d, by).map(r -> (DraftDecision) r)
                .orElseGet(() -> new DraftDecision.Applied(d.decided(Draft.Outcome.REGENERATED, by, Optional.empty(), Optional.empty(), now),
                        List.of(), List.of(new SlackEffect.WriteDraft(d.caseId(), d.kind(), by, d.channel(), responseUrl)))));
    }

    /**
     * Why {@code by} may not open draft {@code d} for review (its text is shown in the form), or
     * empty when they may: it is still open, and they may decide it.
     */
    public Optional<String> mayReview(Draft d, UserId by) {
        return refuse(d, by).map(DraftDecision.Rejected::reason);
    }

    /**
     * Whoever asked for the draft, or someone who may steer its case, decides it, once; a
     * restricted case's draft only its people (an on-call who is not on the case does not read it).
     */
    private Optional<DraftDecision.Rejected> refuse(Draft d, UserId by) {
        Optional<CaseFile> file = cases.file(d.caseId());
        boolean sees = d.requester().equals(by) || file.map(f -> f.visibleTo(by)).orElse(false);
        // Someone who may not see a restricted case learns nothing of its drafts, not even that one exists.
        if (!sees) return Optional.of(new DraftDecision.Rejected(GONE));
        if (!d.isOpen()) return Optional.of(new DraftDecision.Rejected("This draft was already " + switch (d.outcome().get()) {
            case AS_IS, EDITED -> "posted";
            case DISCARDED -> "discarded";
            case REGENERATED -> "replaced by a new one";
        } + "."));
        if (d.requester().equals(by)) return Optional.empty();
        boolean steers = file.map(f -> permissions.maySteer(by, f.details())).orElse(false);
        return steers ? Optional.empty() : Optional.of(new DraftDecision.Rejected("Only whoever asked for this draft, the case owner, "
                + "the on-call or `responders` can post or discard it."));
    }

    /** 0 when posted as drafted, up to 1 when rewritten entirely: edit distance over the longer text's length. */
    public static double editRatio(String draft, String posted) {
        int longest = Math.max(draft.length(), posted.length());
        if (longest == 0) return 0;
        return (double) LevenshteinDistance.getDefaultInstance().apply(draft, posted) / longest;
    }

    /** Whoever discarded or edited a draft is asked why, when the team names its failure modes. */
    private Optional<SlackEffect> askWhy(Draft d, UserId by) {
        if (policy.ai().failureModes().isEmpty()) return Optional.empty();
        return Optional.of(new SlackEffect.OfferTags(d.caseId(), by, d.channel(), AiOverride.draft(d.id())));
    }

    /** Tells the team channel when acceptance over the last drafts falls well below what it was before them. */
    private void watchAcceptance(DraftKind kind) {
        DraftStats.Drop drop = DraftStats.acceptanceDrop(drafts.decided(kind)).orElse(null);
        if (drop == null) return;
        if (drafts.lastAlertAt(kind) > 0 && drop.decided() < drafts.lastAlertAt(kind) + DraftStats.WINDOW) return;
        drafts.alert(kind, drop.decided(), clock.instant(), List.of(new SlackEffect.TeamNotice(policy.workspace().teamChannel(),
                kind.label() + " drafts: " + drop.describe() + " Check recent drafts (/esc stats) and the prompt or model in use.")));
    }
}
