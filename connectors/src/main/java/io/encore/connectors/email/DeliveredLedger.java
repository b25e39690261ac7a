package io.encore.connectors.email;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

import org.apache.kafka.connect.errors.ConnectException;

/**
 * The send ids already delivered, in an append-only file ({@code delivered-send-ids.log}, one id a line) that
 * survives restarts. An id is appended and forced to disk right after the SMTP server accepted the e-mail,
 * so the only window for a duplicate is a crash between the server's 250 and the fsync; the deterministic
 * Message-ID lets mail systems recognise that rare duplicate.
 *
 * <p>Trade-off: the ledger is local, so one task instance owns one directory (enforced with a file lock) and
 * the directory must stay with the worker that runs the task. A distributed deployment where tasks move
 * between workers would keep the ledger in a compacted topic or in Redis ({@code SET NX}) instead. The file
 * grows by about 65 bytes per e-mail and is read whole at start.
 */
final class DeliveredLedger implements AutoCloseable {

    static final String FILE_NAME = "delivered-send-ids.log";

    private final Set<String> delivered = new HashSet<>();
    private final FileChannel channel;
    private final FileLock lock;

    private DeliveredLedger(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Opens (or creates) the ledger in {@code dir}; fails when another task holds it. */
    static DeliveredLedger open(Path dir) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(FILE_NAME);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            FileLock lock = tryLock(channel, dir);
            DeliveredLedger ledger = new DeliveredLedger(channel, lock);
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    ledger.delivered.add(line.trim());
                }
            }
            return ledger;
        } catch (IOException e) {
            throw new ConnectException("Cannot open the delivered-send ledger in " + dir, e);
        }
    }

    private static FileLock tryLock(FileChannel channel, Path dir) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new ConnectException("The delivered-send ledger in " + dir + " is in use by another task: give each "
                    + "e-mail connector its own " + EmailSinkConnectorConfig.LEDGER_DIR_CONFIG);
        }
        return lock;
    }

    boolean contains(String sendId) {
        return delivered.contains(sendId);
    }

    int size() {
        return delivered.size();
    }

    /** Appends {@code sendId} and forces it to disk before returning. */
    void record(String sendId) {
        if (sendId.indexOf('\n') >= 0 || sendId.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("A send id cannot contain a line break");
        }
        try {
            ByteBuffer line = ByteBuffer.wrap((sendId + "\n").getBytes(StandardCharsets.UTF_8));
            while (line.hasRemaining()) {
                channel.write(line);
            }
            channel.force(false);
            delivered.add(sendId);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to the delivered-send ledger", e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the delivered-send ledger", e);
        }
    }
}
