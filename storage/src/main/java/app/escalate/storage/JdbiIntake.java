package app.escalate.storage;

import app.escalate.commands.Case;
import app.escalate.commands.CaseId;
import app.escalate.commands.NewCase;
import app.escalate.commands.Opening;
import app.escalate.commands.intake.IntakeStore;
import app.escalate.commands.intake.MachineReport;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link IntakeStore} on Jdbi. A dedup key is claimed by inserting it under its primary key in
 * the transaction that opens its case: a concurrent claim of the same key waits for that
 * transaction and then fails on the key (PostgreSQL), or fails at once or after a lock wait (H2),
 * and reads the case the winner opened. No case number is spent by a losing claim.
 */
public final class JdbiIntake implements IntakeStore {
    /** A claim that keeps losing to transactions that roll back is tried this many times. */
    private static final int TRIES = 20;

    private final Jdbi jdbi;
    private final Object[] stripes = new Object[64];

    public JdbiIntake(Jdbi jdbi) {
        this.jdbi = jdbi;
        for (int i = 0; i < stripes.length; i++) stripes[i] = new Object();
    }

    @Override
    public Keyed openOnce(String source, String key, Optional<String> link, NewCase draft, Function<Case, Opening> follow) {
        // Reports of one key in this process take turns: H2 waits for a claim by spinning, and twenty
        // spinning claims on two cores starve the one that would commit. Other replicas meet at the key.
        synchronized (stripes[Math.floorMod((source + '\n' + key).hashCode(), stripes.length)]) {
            return claimOrFind(source, key, link, draft, follow);
        }
    }

    private Keyed claimOrFind(String source, String key, Optional<String> link, NewCase draft, Function<Case, Opening> follow) {
        JdbiException last = null;
        for (int attempt = 0; attempt < TRIES; attempt++) {
            Optional<Case> named = named(source, key);
            if (named.isPresent()) return new Keyed(named.get(), false);
            try {
                return new Keyed(jdbi.inTransaction(h -> claimAndOpen(h, source, key, link, draft, follow)), true);
            } catch (JdbiException e) {
                // Another request claimed the key first (a unique key or H2's lock wait refused this one): read its case.
                last = e;
            }
        }
        throw last;
    }

    private static Case claimAndOpen(Handle h, String source, String key, Optional<String> link, NewCase draft, Function<Case, Opening> follow) {
        h.createUpdate("INSERT INTO intake_keys (source, dedup_key, claimed_at) VALUES (:s, :k, :at)")
                .bind("s", source).bind("k", key).bind("at", draft.openedAt()).execute();
        Case opened = JdbiCaseStore.open(h, draft, follow);
        h.createUpdate("INSERT INTO intake_cases (case_number, source, dedup_key, link) VALUES (:n, :s, :k, :link)")
                .bind("n", opened.id().number()).bind("s", source).bind("k", key).bind("link", link.orElse(null)).execute();
        return opened;
    }

    /** The case the key names now, as committed: the newest case raised under it, while the key is claimed. */
    private Optional<Case> named(String source, String key) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT MAX(c.case_number) FROM intake_keys k
                        JOIN intake_cases c ON c.source = k.source AND c.dedup_key = k.dedup_key
                        WHERE k.source = :s AND k.dedup_key = :k""")
                .bind("s", source).bind("k", key).mapTo(Long.class).findOne()
                .flatMap(n -> n == null ? Optional.empty() : new CaseDao(h).find(n)));
    }

    @Override
    public void release(String source, String key, CaseId resolved) {
        jdbi.useHandle(h -> h.createUpdate("""
                        DELETE FROM intake_keys WHERE source = :s AND dedup_key = :k
                        AND :n = (SELECT MAX(case_number) FROM intake_cases WHERE source = :s AND dedup_key = :k)""")
                .bind("s", source).bind("k", key).bind("n", resolved.number()).execute());
    }

    @Override
    public boolean take(String source, Instant window, int max) {
        // Twice: a row another replica inserted between this one's update and insert is counted on the second pass.
        for (int attempt = 0; attempt < 2; attempt++) {
            boolean counted = jdbi.withHandle(h -> h.createUpdate("""
                            UPDATE intake_rate SET taken = taken + 1
                            WHERE source = :s AND window_start = :w AND taken < :max""")
                    .bind("s", source).bind("w", window).bind("max", max).execute() == 1);
            if (counted) return true;
            boolean first = Sql.once(jdbi, h -> h.createUpdate("""
                            INSERT INTO intake_rate (source, window_start, taken)
                            SELECT :s, :w, 1 WHERE NOT EXISTS (SELECT 1 FROM intake_rate WHERE source = :s AND window_start = :w)""")
                    .bind("s", source).bind("w", window).execute() == 1);
            if (first) {
                forgetBefore(window);
                return true;
            }
        }
        return false;   // the minute's row is full
    }

    /** Past minutes count for nothing; the first request of a minute clears them. */
    private void forgetBefore(Instant window) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM intake_rate WHERE window_start < :w").bind("w", window).execute());
    }

    @Override
    public Optional<MachineReport> report(CaseId id) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT i.source, (SELECT COUNT(*) FROM case_events e WHERE e.case_number = i.case_number AND e.kind = 'REPORTED_AGAIN') AS again
                        FROM intake_cases i WHERE i.case_number = :n""")
                .bind("n", id.number())
                .map((rs, ctx) -> new MachineReport(rs.getString("source"), 1 + rs.getInt("again")))
                .findOne());
    }

    @Override
    public Optional<Origin> origin(CaseId id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT source, dedup_key, link FROM intake_cases WHERE case_number = :n")
                .bind("n", id.number())
                .map((rs, ctx) -> new Origin(rs.getString("source"), rs.getString("dedup_key"), Optional.ofNullable(rs.getString("link"))))
                .findOne());
    }
}
