package app.escalate.storage;

import app.escalate.commands.Task;
import app.escalate.commands.UserId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** SQL for what belongs to a case beside its row: tasks, stakeholder groups and members, on one handle. */
final class CaseFileDao {
    static final RowMapper<Task> TASK = (rs, ctx) -> {
        OffsetDateTime doneAt = rs.getObject("done_at", OffsetDateTime.class);
        return new Task(rs.getInt("task_number"), rs.getString("text"),
                Optional.ofNullable(rs.getString("assignee")).map(UserId::new),
                new UserId(rs.getString("created_by")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(rs.getString("done_by")).map(UserId::new),
                Optional.ofNullable(doneAt).map(OffsetDateTime::toInstant));
    };
    private final Handle h;

    CaseFileDao(Handle h) {
        this.h = h;
    }

    List<Task> tasks(long number) {
        return h.createQuery("SELECT * FROM case_tasks WHERE case_number = :number ORDER BY task_number").bind("number", number)
                .map(TASK).list();
    }

    void insertTask(long number, int task, String text, String assignee, String createdBy, Instant createdAt) {
        h.createUpdate("""
                        INSERT INTO case_tasks (case_number, task_number, text, assignee, created_by, created_at)
                        VALUES (:number, :task, :text, :assignee, :createdBy, :createdAt)
                        """)
                .bind("number", number).bind("task", task).bind("text", text).bind("assignee", assignee)
                .bind("createdBy", createdBy).bindByType("createdAt", createdAt, Instant.class).execute();
    }

    void completeTask(long number, int task, String doneBy, Instant doneAt) {
        h.createUpdate("UPDATE case_tasks SET done_by = :doneBy, done_at = :doneAt WHERE case_number = :number AND task_number = :task")
                .bind("number", number).bind("task", task).bind("doneBy", doneBy).bindByType("doneAt", doneAt, Instant.class).execute();
    }

    List<String> stakeholders(long number) {
        return h.createQuery("SELECT group_name FROM case_stakeholders WHERE case_number = :number ORDER BY group_name")
                .bind("number", number).mapTo(String.class).list();
    }

    void addStakeholder(long number, String group) {
        h.createUpdate("INSERT INTO case_stakeholders (case_number, group_name) VALUES (:number, :group)")
                .bind("number", number).bind("group", group).execute();
    }

    List<String> members(long number) {
        return h.createQuery("SELECT user_id FROM case_members WHERE case_number = :number ORDER BY user_id")
                .bind("number", number).mapTo(String.class).list();
    }

    void addMember(long number, String user) {
        h.createUpdate("INSERT INTO case_members (case_number, user_id) VALUES (:number, :user)")
                .bind("number", number).bind("user", user).execute();
    }

    List<Long> casesOf(String user) {
        return h.createQuery("SELECT case_number FROM case_members WHERE user_id = :user").bind("user", user).mapTo(Long.class).list();
    }
}
