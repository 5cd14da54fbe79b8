package app.escalate.commands.handlers;

import app.escalate.commands.CaseAction;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.Task;
import app.escalate.commands.UserId;
import app.escalate.commands.access.Permissions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /esc task add <text> [@user]}: numbered from 1 within the case. The assignee is brought into
 * the channel and made one of the case's people only when the task comes from someone working the
 * case: anyone in a case's channel may add a task, and assigning one must not be a way in.
 */
final class AddTask implements CaseChange<CaseAction.AddTask> {
    private final Permissions permissions;

    AddTask(Permissions permissions) {
        this.permissions = permissions;
    }

    @Override
    public Decision decide(CaseFile file, CaseAction.AddTask action, UserId actor, Instant now) {
        int number = file.tasks().stream().mapToInt(Task::number).max().orElse(0) + 1;
        Task task = new Task(number, action.text(), action.assignee(), actor, now, Optional.empty(), Optional.empty());
        List<Task> tasks = new ArrayList<>(file.tasks());
        tasks.add(task);
        CaseEvent event = new CaseEvent(file.id(), now, actor, new EventData.TaskAdded(number, action.text(), action.assignee()));
        // Only someone working the case brings a person into it (its channel, and its people).
        Optional<UserId> brought = action.assignee().filter(a -> permissions.mayWorkOn(actor, file));
        List<SlackEffect> effects = new ArrayList<>();
        brought.ifPresent(a -> effects.add(new SlackEffect.InviteToChannel(file.id(), List.of(a))));
        effects.addAll(SlackEffect.forChange(file.id(), List.of(event)));
        CaseFile after = file.withTasks(tasks);
        if (brought.isPresent()) after = after.withMember(brought.get());
        return new Decision.Applied(after, List.of(event), effects);
    }
}
