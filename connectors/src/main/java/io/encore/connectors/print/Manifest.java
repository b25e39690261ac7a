package io.encore.connectors.print;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.encore.schemas.avro.PostalAddress;
import io.encore.schemas.avro.PrintItem;
import io.encore.schemas.avro.PrintSend;

/**
 * A campaign's {@code manifest.csv}: a header, then one line per finished PDF, in UTF-8 with RFC 4180
 * quoting. It is the record of what was delivered: a send id it lists is never written again. Each line is
 * appended and forced to disk before its record counts as handled; a line torn by a crash in the middle of
 * an append is cut off when the manifest is loaded, and its record, redelivered, appends it again.
 *
 * <p>Not thread-safe, and only one process may append (the task holds the output directory's lock).
 */
final class Manifest {

    static final String FILE_NAME = "manifest.csv";
    static final List<String> COLUMNS = List.of("send_id", "file", "guest_id", "language", "name", "address",
            "postal_code", "city", "region", "country", "concerts", "concert_ids", "pages", "created_at");
    static final String HEADER = Csv.record(COLUMNS);

    private final Path file;
    private final Set<String> sendIds;

    private Manifest(Path file, Set<String> sendIds) {
        this.file = file;
        this.sendIds = sendIds;
    }

    /** Reads the manifest at {@code file}, creating it with its header when missing and cutting a torn last line. */
    static Manifest load(Path file) throws IOException {
        boolean created = !Files.exists(file);
        Set<String> sendIds = new HashSet<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            byte[] content = readAll(channel);
            int complete = lastLineEnd(content);
            if (complete < content.length) {
                channel.truncate(complete);
            }
            if (complete == 0) {
                write(channel, HEADER + Csv.RECORD_END);
            }
            if (complete < content.length || complete == 0) {
                channel.force(true);
            }
            for (String line : new String(content, 0, complete, StandardCharsets.UTF_8).split("\r?\n")) {
                if (!line.isEmpty() && !line.equals(HEADER)) {
                    sendIds.add(Csv.firstField(line));
                }
            }
        }
        if (created) {
            DurableFiles.forceDirectory(file.getParent());
        }
        return new Manifest(file, sendIds);
    }

    boolean contains(String sendId) {
        return sendIds.contains(sendId);
    }

    int size() {
        return sendIds.size();
    }

    /** Appends the line of {@code send}, whose PDF {@code fileName} has {@code pages} pages, and forces it to disk. */
    void append(PrintSend send, String fileName, int pages) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            write(channel, Csv.record(row(send, fileName, pages)) + Csv.RECORD_END);
            channel.force(false);
        }
        sendIds.add(send.getSendId());
    }

    /** The columns of {@link #COLUMNS} for one piece. */
    static List<String> row(PrintSend send, String fileName, int pages) {
        PostalAddress address = send.getPostalAddress();
        String streetLines = address.getLines().stream().filter(line -> line != null && !line.isBlank())
                .map(String::trim).collect(Collectors.joining(", "));
        String concertIds = send.getItems().stream().map(PrintItem::getConcertId).collect(Collectors.joining("|"));
        return List.of(send.getSendId(), fileName, send.getGuestId(), send.getLanguage(),
                Csv.text(AddressBlock.recipientName(send)), Csv.text(streetLines), Csv.text(address.getPostalCode().trim()),
                Csv.text(address.getCity().trim()), Csv.text(address.getRegion() == null ? "" : address.getRegion().trim()),
                address.getCountry().trim(), Integer.toString(send.getItems().size()), concertIds, Integer.toString(pages),
                send.getCreatedAt().toString());
    }

    private static byte[] readAll(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(channel.size()));
        int read = 0;
        while (buffer.hasRemaining() && read >= 0) {
            read = channel.read(buffer, buffer.position());
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    /** The length of the content up to and including its last line break: the complete lines. */
    private static int lastLineEnd(byte[] content) {
        for (int i = content.length - 1; i >= 0; i--) {
            if (content[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }

    private static void write(FileChannel channel, String text) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
