package org.roadcoder.app.run;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import org.roadcoder.data.DataException;

/**
 * One writer per run folder: an operating-system lock ({@link FileChannel#tryLock()}) on the folder's
 * {@code .lock} file, held while a command writes the run. A second process is refused with a message
 * naming the holder (its process id, machine and command, written into the file). The lock dies with its
 * process, so a crashed or killed run never blocks the next one; the file itself stays behind.
 */
public final class RunLock implements AutoCloseable {

    /** Folders this JVM holds: a second lock from the same process must not open (and close) the file, which
     *  would release the process's lock (POSIX record locks belong to the process, not to the channel). */
    private static final Set<Path> HELD = new HashSet<>();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks {@code run} for {@code command} (e.g. "train"), creating the folder; refuses if another process has it. */
    public static RunLock acquire(RunFolder run, String command) {
        Path file = run.lock();
        try {
            Files.createDirectories(run.dir());
            Path key = run.dir().toRealPath();
            synchronized (HELD) {
                if (HELD.contains(key)) {
                    throw refused(run, "this roadcoder process");
                }
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                    channel.close();
                    throw refused(run, holder.isEmpty() ? "another roadcoder process" : holder);
                }
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(holder(command).getBytes(StandardCharsets.UTF_8)), 0);
                channel.force(true);
                HELD.add(key);
                return new RunLock(key, channel, lock);
            }
        } catch (IOException e) {
            throw new DataException(run.dir(), "cannot create or lock the run folder: " + e, e);
        }
    }

    private static DataException refused(RunFolder run, String holder) {
        return new DataException(run.dir(), "in use by " + holder + "; wait for it to finish or stop it (two writers "
                + "would mix their epochs in one run)");
    }

    private static String holder(String command) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "this machine";
        }
        return "roadcoder " + command + " (pid " + ProcessHandle.current().pid() + " on " + host + ", since "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ")\n";
    }

    @Override
    public void close() {
        synchronized (HELD) {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                // the lock goes with the channel or, at the latest, with the process
            } finally {
                HELD.remove(key);
            }
        }
    }
}
