package app.escalate.storage;

import app.escalate.commands.Acknowledgement;
import app.escalate.commands.Case;
import app.escalate.commands.CaseChannel;
import app.escalate.commands.CaseId;
import app.escalate.commands.CaseState;
import app.escalate.commands.ChannelId;
import app.escalate.commands.Resolution;
import app.escalate.commands.Severity;
import app.escalate.commands.UserId;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/** A {@code cases} row as a {@link Case}. */
public final class CaseRowMapper implements RowMapper<Case> {
    @Override
    public Case map(ResultSet rs, StatementContext ctx) throws SQLException {
        String channelId = rs.getString("channel_id");
        String channelName = rs.getString("channel_name");
        String ackedBy = rs.getString("acked_by");
        Optional<Acknowledgement> acknowledged = ackedBy == null ? Optional.empty()
                : Optional.of(new Acknowledgement(new UserId(ackedBy), instant(rs, "acked_at")));
        return new Case(
                new CaseId(rs.getLong("case_number")),
                rs.getString("title"),
                Severity.ofLevel(rs.getInt("severity")),
                CaseState.valueOf(rs.getString("state")),
                Optional.ofNullable(rs.getString("case_type")), Optional.ofNullable(rs.getString("surface")),
                new UserId(rs.getString("reporter")),
                Optional.ofNullable(rs.getString("owner_id")).map(UserId::new),
                instant(rs, "opened_at"),
                Optional.ofNullable(channelId).map(id -> new CaseChannel(new ChannelId(id), channelName)),
                acknowledged,
                resolution(rs),
                rs.getBoolean("restricted"));
    }

    private static Optional<Resolution> resolution(ResultSet rs) throws SQLException {
        String text = rs.getString("resolution");
        if (text == null) return Optional.empty();
        return Optional.of(new Resolution(text, Optional.ofNullable(rs.getString("root_cause")),
                new UserId(rs.getString("resolved_by")), instant(rs, "resolved_at")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
