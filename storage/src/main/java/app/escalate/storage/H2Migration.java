package app.escalate.storage;

import org.h2.store.fs.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Migrating an embedded H2 file database so that a migration that fails part-way leaves it as it
 * was: H2 does not roll back DDL, so a migration cut off (by a full disk, say) would leave a half-
 * applied schema that no later start could migrate. Before migrating, the file is copied aside;
 * when the migration fails, the copy is put back (or, for a database this start created, the new
 * file is removed), and the next start migrates again from there.
 */
final class H2Migration {
    private static final Logger log = LoggerFactory.getLogger(H2Migration.class);
    static final String BEFORE = ".before-migration";

    private H2Migration() {
    }

    /** The database file's name (without {@code .mv.db}) for an embedded file URL; empty for memory and server URLs. */
    static Optional<String> file(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:")) return Optional.empty();
        String name = jdbcUrl.substring("jdbc:h2:".length());
        int options = name.indexOf(';');
        if (options >= 0) name = name.substring(0, options);
        if (name.startsWith("mem:") || name.startsWith("tcp:") || name.startsWith("ssl:") || name.startsWith("zip:")) return Optional.empty();
        if (name.startsWith("file:")) name = name.substring("file:".length());
        return Optional.of(name);
    }

    /**
     * Runs {@code migrate} on the database at {@code name} when {@code pending}; {@code existed}: its
     * file was there before this start opened it. {@code closePool} lets go of the file, so it can be
     * copied and put back while nothing holds it; {@code migrate} opens the pool again if need be.
     */
    static void guard(String name, boolean existed, Runnable closePool, Supplier<Boolean> pending, Runnable migrate) {
        String file = name + ".mv.db";
        if (!pending.get()) return;
        String copy = file + BEFORE;
        if (existed) {
            closePool.run();
            copy(file, copy);
        }
        try {
            migrate.run();
        } catch (RuntimeException e) {
            closePool.run();
            if (existed) {
                FileUtils.moveAtomicReplace(copy, file);
                log.error("database: the migration failed part-way; the database is back as it was before it, for the next start");
            } else {
                FileUtils.delete(file);
            }
            throw e;
        }
        if (existed) FileUtils.delete(copy);
    }

    private static void copy(String from, String to) {
        try (InputStream in = FileUtils.newInputStream(from); OutputStream out = FileUtils.newOutputStream(to, false)) {
            in.transferTo(out);
        } catch (IOException e) {
            FileUtils.delete(to);
            throw new UncheckedIOException("cannot copy the database aside before migrating it: " + e.getMessage(), e);
        }
    }
}
