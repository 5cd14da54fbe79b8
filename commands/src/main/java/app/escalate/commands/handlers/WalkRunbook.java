package app.escalate.commands.handlers;

import app.escalate.commands.Case;
import app.escalate.commands.CaseAction;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.Severity;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import app.escalate.commands.access.Permissions;
import app.escalate.config.DecisionTree;
import app.escalate.config.Policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /esc runbook} and the answer buttons it posts: walks the case type's decision tree one
 * question at a time. Each answer is a timeline event naming who gave it; its actions run as the
 * matching sub-commands would (set the severity, loop in a group, add a task) and its guidance is
 * posted with the answer. An answer counts only for the question the walk is waiting on, so a
 * second click on an answered question changes nothing.
 */
final class WalkRunbook {
    /** Runs one of the other sub-commands on the case as it stands after the answer's earlier actions. */
    interface Steps {
        Decision decide(CaseFile file, CaseAction action, UserId actor, Instant now);
    }

    private final Policy policy;
    private final Permissions permissions;
    private final Steps steps;

    WalkRunbook(Policy policy, Permissions permissions, Steps steps) {
        this.policy = policy;
        this.permissions = permissions;
        this.steps = steps;
    }

    Decision start(CaseFile file, UserId actor, Instant now) {
        Case c = file.details();
        Optional<DecisionTree> tree = tree(c);
        if (tree.isEmpty()) return Decisions.rejected(noTree(c));
        if (!c.isOpen()) return Decisions.reopenFirst(c);
        if (!permissions.maySteer(actor, c)) return Decisions.rejected(Permissions.onlySteerers("walk the runbook"));
        String first = tree.get().start();
        CaseEvent started = new CaseEvent(c.id(), now, actor, new EventData.RunbookStarted(c.caseType().orElseThrow()));
        return new Decision.Applied(file.withRunbookAt(Optional.of(first)), List.of(started),
                List.of(new SlackEffect.Announce(c.id(), started), new SlackEffect.AskRunbook(c.id(), first)));
    }

    Decision answer(CaseFile file, CaseAction.AnswerRunbook action, UserId actor, Instant now) {
        Case c = file.details();
        Optional<DecisionTree> tree = tree(c);
        if (tree.isEmpty()) return Decisions.rejected(noTree(c));
        if (!file.runbookAt().equals(Optional.of(action.question()))) {
            return Decisions.rejected("That question is no longer open on " + c.id() + ": it was answered, or the walk started over. "
                    + "`/esc runbook` starts it again.");
        }
        if (!c.isOpen()) return Decisions.reopenFirst(c);
        if (!permissions.maySteer(actor, c)) return Decisions.rejected(Permissions.onlySteerers("answer the runbook"));
        if (!tree.get().questions().containsKey(action.question())) {
            return Decisions.rejected("The runbook has changed since that question was asked. `/esc runbook` starts it again.");
        }
        DecisionTree.Question question = tree.get().question(action.question());
        if (action.answer() < 0 || action.answer() >= question.answers().size()) {
            return Decisions.rejected("That answer is not one of the question's.");
        }
        DecisionTree.Answer answer = question.answers().get(action.answer());
        List<String> guidance = answer.actions().stream().map(DecisionTree.Action::post).filter(p -> p != null).toList();
        CaseEvent answered = new CaseEvent(c.id(), now, actor, new EventData.RunbookAnswered(question.ask(), answer.label(),
                guidance.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", guidance)), answer.next() == null));

        List<CaseEvent> events = new ArrayList<>(List.of(answered));
        List<SlackEffect> effects = new ArrayList<>(List.of(new SlackEffect.Announce(c.id(), answered)));
        CaseFile after = file;
        for (DecisionTree.Action step : answer.actions()) {
            Optional<CaseAction> sub = subCommand(step, question, answer);
            if (sub.isEmpty()) continue;
            // An action already in effect (the severity is already SEV1, the group already looped in) is skipped.
            if (steps.decide(after, sub.get(), actor, now) instanceof Decision.Applied applied) {
                after = applied.after();
                events.addAll(applied.events());
                effects.addAll(applied.effects().stream().filter(e -> !(e instanceof SlackEffect.UpdateCaseCard)).toList());
            }
        }
        effects.add(new SlackEffect.UpdateCaseCard(c.id()));
        Optional<String> next = Optional.ofNullable(answer.next());
        next.ifPresent(q -> effects.add(new SlackEffect.AskRunbook(c.id(), q)));
        return new Decision.Applied(after.withRunbookAt(next), events, effects);
    }

    private static Optional<CaseAction> subCommand(DecisionTree.Action step, DecisionTree.Question question, DecisionTree.Answer answer) {
        if (step.setSeverity() != null) {
            return Severity.parse(step.setSeverity()).map(to -> new CaseAction.SetSeverity(to,
                    Optional.of("runbook: " + question.ask() + " " + answer.label())));
        }
        if (step.loop() != null) return Optional.of(new CaseAction.LoopIn(step.loop()));
        if (step.addTask() != null) return Optional.of(new CaseAction.AddTask(step.addTask(), Optional.empty()));
        return Optional.empty(); // guidance goes out with the answer
    }

    private Optional<DecisionTree> tree(Case c) {
        return c.caseType().flatMap(policy::caseType).flatMap(t -> t.tree());
    }

    private String noTree(Case c) {
        return c.caseType().map(t -> c.id() + "'s type, " + t + ", has no decision tree; its checklist is the runbook posted at open.")
                .orElse(c.id() + " has no case type, so there is no decision tree to walk. Types with one: " + String.join(", ",
                        policy.caseTypes().stream().filter(t -> t.decisionTree() != null).map(t -> "`" + t.id() + "`").toList()) + ".");
    }
}
