package app.escalate.storage;

import app.escalate.commands.Task;
import app.escalate.commands.UserId;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** SQL for what belongs to a case beside its row: tasks, stakeholder groups and members. */
@RegisterRowMapper(CaseFileDao.TaskMapper.class)
interface CaseFileDao {

    @SqlQuery("SELECT * FROM case_tasks WHERE case_number = :number ORDER BY task_number")
    List<Task> tasks(@Bind("number") long number);

    @SqlUpdate("""
            INSERT INTO case_tasks (case_number, task_number, text, assignee, created_by, created_at)
            VALUES (:number, :task, :text, :assignee, :createdBy, :createdAt)
            """)
    void insertTask(@Bind("number") long number, @Bind("task") int task, @Bind("text") String text,
                    @Bind("assignee") String assignee, @Bind("createdBy") String createdBy, @Bind("createdAt") Instant createdAt);

    @SqlUpdate("UPDATE case_tasks SET done_by = :doneBy, done_at = :doneAt WHERE case_number = :number AND task_number = :task")
    void completeTask(@Bind("number") long number, @Bind("task") int task, @Bind("doneBy") String doneBy,
                      @Bind("doneAt") Instant doneAt);

    @SqlQuery("SELECT group_name FROM case_stakeholders WHERE case_number = :number ORDER BY group_name")
    List<String> stakeholders(@Bind("number") long number);

    @SqlUpdate("INSERT INTO case_stakeholders (case_number, group_name) VALUES (:number, :group)")
    void addStakeholder(@Bind("number") long number, @Bind("group") String group);

    @SqlQuery("SELECT user_id FROM case_members WHERE case_number = :number ORDER BY user_id")
    List<String> members(@Bind("number") long number);

    @SqlUpdate("INSERT INTO case_members (case_number, user_id) VALUES (:number, :user)")
    void addMember(@Bind("number") long number, @Bind("user") String user);

    @SqlQuery("SELECT case_number FROM case_members WHERE user_id = :user")
    List<Long> casesOf(@Bind("user") String user);

    final class TaskMapper implements RowMapper<Task> {
        @Override
        public Task map(ResultSet rs, StatementContext ctx) throws SQLException {
            OffsetDateTime doneAt = rs.getObject("done_at", OffsetDateTime.class);
            return new Task(rs.getInt("task_number"), rs.getString("text"),
                    Optional.ofNullable(rs.getString("assignee")).map(UserId::new),
                    new UserId(rs.getString("created_by")),
                    rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                    Optional.ofNullable(rs.getString("done_by")).map(UserId::new),
                    Optional.ofNullable(doneAt).map(OffsetDateTime::toInstant));
        }
    }
}
