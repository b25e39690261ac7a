package io.encore.connectors.print;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writing a file so that it appears complete or not at all, and never in place of an existing one. The
 * content goes to a temporary file in the same directory and is forced to disk; then the temporary file is
 * hard-linked to its name, which fails when the name exists (unlike a rename, which on POSIX replaces the
 * target silently even with {@code ATOMIC_MOVE}). On a file system without hard links it is moved with
 * {@code ATOMIC_MOVE} after a check that the name is free, which is safe because one task alone writes the
 * directory. The directory is forced too, so the new name survives a power loss.
 */
final class DurableFiles {

    private DurableFiles() {
    }

    /**
     * Publishes {@code content} as {@code target} through {@code temp}.
     *
     * @return false, leaving {@code target} untouched, when {@code target} already exists
     */
    static boolean publishNew(byte[] content, Path temp, Path target) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        try {
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException exists) {
            Files.delete(temp);
            return false;
        } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
            if (Files.exists(target)) {
                Files.delete(temp);
                return false;
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(target.getParent());
            return true;
        }
        Files.delete(temp);
        forceDirectory(target.getParent());
        return true;
    }

    /** Forces a directory's entries (a new or renamed file) to disk. */
    static void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
