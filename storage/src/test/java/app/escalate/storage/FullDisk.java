package app.escalate.storage;

import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;

/**
 * A disk that can fill up on demand, for H2 file databases named {@code jdbc:h2:fulldisk:<path>}:
 * while full, every write and sync fails as the operating system's does ("No space left on
 * device"), and reads go on; {@link #makeRoom()} frees it again.
 */
public final class FullDisk extends FilePathWrapper {
    public static final String SCHEME = "fulldisk";
    private static volatile boolean full;
    /** Bytes that may still be written before the disk is full; negative: no limit. */
    private static final java.util.concurrent.atomic.AtomicLong room = new java.util.concurrent.atomic.AtomicLong(-1);

    static {
        FilePath.register(new FullDisk());
    }

    /** The JDBC URL of an H2 database at {@code path} on this disk. */
    public static String url(java.nio.file.Path path) {
        return "jdbc:h2:" + SCHEME + ":" + path.toAbsolutePath();
    }

    public static void fill() {
        full = true;
    }

    /** The disk fills up once {@code bytes} more have been written. */
    public static void roomFor(long bytes) {
        room.set(bytes);
    }

    public static void makeRoom() {
        room.set(-1);
        full = false;
    }

    /** Takes room for a write of {@code bytes}; false (and full from now on) when there is not that much. */
    private static boolean writes(int bytes) {
        if (full) return false;
        long left = room.get();
        if (left < 0) return true;
        if (left < bytes) {
            full = true;
            return false;
        }
        room.addAndGet(-bytes);
        return true;
    }

    private static IOException noSpace() {
        return new IOException("No space left on device");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Channel(getBase().open(mode));
    }

    @Override
    public OutputStream newOutputStream(boolean append) throws IOException {
        if (full) throw noSpace();
        return super.newOutputStream(append);
    }

    @Override
    public boolean createFile() {
        return !full && super.createFile();
    }

    private static final class Channel extends FileBase {
        private final FileChannel base;

        Channel(FileChannel base) {
            this.base = base;
        }

        @Override
        public long position() throws IOException {
            return base.position();
        }

        @Override
        public FileChannel position(long position) throws IOException {
            base.position(position);
            return this;
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return base.read(dst);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return base.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (!writes(src.remaining())) throw noSpace();
            return base.write(src);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            if (!writes(src.remaining())) throw noSpace();
            return base.write(src, position);
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            base.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            if (full) throw noSpace();
            base.force(metaData);
        }

        @Override
        public synchronized FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            base.close();
        }
    }
}
