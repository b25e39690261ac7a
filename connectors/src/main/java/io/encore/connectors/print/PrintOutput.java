package io.encore.connectors.print;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

import io.encore.schemas.avro.PrintSend;

/**
 * The output directory: {@code <dir>/<campaign>/<sendId>.pdf} and {@code <dir>/<campaign>/manifest.csv}.
 * A piece is delivered when its manifest line is on disk, and delivering it is idempotent:
 * <ul>
 * <li>listed in the manifest: delivered before, nothing is written;</li>
 * <li>PDF present, line missing (a crash between the two): the line is appended, the PDF left as it is;</li>
 * <li>neither: the PDF is rendered and {@link DurableFiles#publishNew published}, then the line appended.</li>
 * </ul>
 * A task owns the directory through an exclusive lock on {@value #LOCK_FILE}, so no other task of this JVM
 * or of another process on the same file system writes its files or appends to its manifests meanwhile.
 */
final class PrintOutput implements AutoCloseable {

    static final String LOCK_FILE = ".encore-print-sink.lock";
    static final String PDF_SUFFIX = ".pdf";
    private static final int MAX_DIRECTORY_NAME = 80;
    /** Manifests whose send ids are kept in memory; campaigns beyond it are read again when they come back. */
    private static final int CACHED_MANIFESTS = 32;

    /** What delivering one piece did. */
    enum Outcome { WRITTEN, MANIFEST_COMPLETED, ALREADY_DELIVERED }

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Map<Path, Manifest> manifests = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Manifest> eldest) {
            return size() > CACHED_MANIFESTS;
        }
    };

    private PrintOutput(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Takes the directory (which must exist); fails when another task holds it. */
    static PrintOutput open(Path root) {
        try {
            FileChannel channel = FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldInThisJvm) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new ConnectException("The print output directory " + root + " is in use by another task: give each "
                        + "print connector its own " + PrintSinkConnectorConfig.OUTPUT_DIRECTORY_CONFIG);
            }
            return new PrintOutput(root, channel, lock);
        } catch (IOException e) {
            throw new ConnectException("Cannot lock the print output directory " + root, e);
        }
    }

    /**
     * Delivers {@code send}, calling {@code renderer} only when its PDF must be written.
     *
     * @throws IOException on a file system error; nothing is half done, so delivering again is safe
     */
    Outcome deliver(PrintSend send, Function<PrintSend, RenderedPiece> renderer) throws IOException {
        Path dir = root.resolve(directoryName(send.getCampaignId()));
        try {
            return deliver(send, renderer, dir, manifest(dir));
        } catch (IOException e) {
            // the next attempt reads the manifest again, cutting a line this failure may have torn
            manifests.remove(dir);
            throw e;
        }
    }

    private static Outcome deliver(PrintSend send, Function<PrintSend, RenderedPiece> renderer, Path dir,
            Manifest manifest) throws IOException {
        if (manifest.contains(send.getSendId())) {
            return Outcome.ALREADY_DELIVERED;
        }
        String fileName = send.getSendId() + PDF_SUFFIX;
        Path pdf = dir.resolve(fileName);
        Path temp = dir.resolve("." + fileName + ".part");
        Outcome outcome = Outcome.MANIFEST_COMPLETED;
        int pages;
        if (Files.exists(pdf)) {
            Files.deleteIfExists(temp);
            pages = pages(pdf);
        } else {
            RenderedPiece piece = renderer.apply(send);
            if (DurableFiles.publishNew(piece.pdf(), temp, pdf)) {
                outcome = Outcome.WRITTEN;
                pages = piece.pages();
            } else {
                pages = pages(pdf);
            }
        }
        manifest.append(send, fileName, pages);
        return outcome;
    }

    private Manifest manifest(Path dir) throws IOException {
        Manifest manifest = manifests.get(dir);
        if (manifest == null) {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                DurableFiles.forceDirectory(root);
            }
            manifest = Manifest.load(dir.resolve(Manifest.FILE_NAME));
            manifests.put(dir, manifest);
        }
        return manifest;
    }

    private static int pages(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return document.getNumberOfPages();
        }
    }

    /**
     * A directory name for a campaign id: letters, digits, {@code . _ -} kept, anything else '_', no leading
     * dot, at most 80 characters; when that changed the id, a hash of the id is appended so that two ids
     * never share a directory ("a/b" and "a_b").
     */
    static String directoryName(String campaignId) {
        String safe = campaignId.replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^\\.+", "");
        if (safe.length() > MAX_DIRECTORY_NAME) {
            safe = safe.substring(0, MAX_DIRECTORY_NAME);
        }
        if (!safe.isEmpty() && safe.equals(campaignId)) {
            return safe;
        }
        return (safe.isEmpty() ? "campaign" : safe) + "-" + shortHash(campaignId);
    }

    private static String shortHash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot release the print output directory " + root, e);
        }
    }
}
