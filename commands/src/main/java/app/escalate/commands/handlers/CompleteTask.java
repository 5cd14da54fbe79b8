package app.escalate.commands.handlers;

import app.escalate.commands.CaseAction;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.Task;
import app.escalate.commands.UserId;

import java.time.Instant;
import java.util.List;

/** {@code /esc task done <n>}. */
final class CompleteTask implements CaseChange<CaseAction.CompleteTask> {
    @Override
    public Decision decide(CaseFile file, CaseAction.CompleteTask action, UserId actor, Instant now) {
        Task task = file.tasks().stream().filter(t -> t.number() == action.number()).findFirst().orElse(null);
        if (task == null) {
            return Decisions.rejected(file.id() + " has no task " + action.number() + "; `/esc task list` shows them.");
        }
        if (task.isDone()) return Decisions.rejected("Task " + task.number() + " is already done.");
        List<Task> tasks = file.tasks().stream().map(t -> t == task ? t.done(actor, now) : t).toList();
        return Decisions.applied(file.withTasks(tasks), new CaseEvent(file.id(), now, actor,
                new EventData.TaskDone(task.number(), task.text())));
    }
}
