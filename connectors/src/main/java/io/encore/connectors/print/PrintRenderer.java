package io.encore.connectors.print;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.Objects;
import java.util.TimeZone;

import org.apache.kafka.connect.errors.DataException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;

import io.encore.schemas.avro.PrintItem;
import io.encore.schemas.avro.PrintSend;

/**
 * Renders a {@link PrintSend} as an A4 PDF in memory: the address in the window of a DIN 5008 (form B)
 * window envelope, the piece's title, a greeting and the concerts as framed cards in the record's order,
 * continued on new pages as needed, and a footer with the send id and the page number on every page.
 * Danish for {@code da}, English otherwise. The same send renders to the same document (the creation date
 * is the send's). Text outside the fonts' WinAnsi repertoire is {@link PrintableText replaced}, never fatal.
 *
 * <p>The renderer holds its fonts (the standard 14 fonts, not embedded) and is used by one task thread.
 */
final class PrintRenderer {

    /** The hall's time zone: concert times are printed as the guest will read them on the ticket. */
    static final ZoneId HALL_ZONE = ZoneId.of("Europe/Copenhagen");

    /** The address field of a DIN 5008 form B letter: 20 mm from the left, 45 mm from the top, 85 × 45 mm. */
    private static final float WINDOW_TOP = 45 * PageFlow.MM;
    private static final float WINDOW_BOTTOM = 90 * PageFlow.MM;
    /** The recipient's lines start where DIN 5008 puts them, below the 17.7 mm zone for postal notes. */
    private static final float ADDRESS_ZONE_TOP = WINDOW_TOP + 17.7f * PageFlow.MM;
    private static final float ADDRESS_X = 25 * PageFlow.MM;
    private static final float ADDRESS_WIDTH = 75 * PageFlow.MM;
    private static final float ADDRESS_PADDING = 2 * PageFlow.MM;
    private static final float ADDRESS_MAX_SIZE = 10f;
    private static final float ADDRESS_MIN_SIZE = 7f;
    private static final float CONTENT_TOP = 100 * PageFlow.MM;
    private static final float CARD_PADDING = 8f;
    private static final float CARD_GAP = 10f;

    private final String homeCountry;
    private final TextStyle address;
    private final TextStyle heading;
    private final TextStyle body;
    private final TextStyle cardTitle;
    private final TextStyle date;
    private final TextStyle reason;
    private final TextStyle url;
    private final TextStyle footer;

    PrintRenderer(String homeCountry) {
        this.homeCountry = Objects.requireNonNull(homeCountry, "homeCountry");
        PDType1Font regular = new PDType1Font(FontName.HELVETICA);
        PDType1Font bold = new PDType1Font(FontName.HELVETICA_BOLD);
        PDType1Font oblique = new PDType1Font(FontName.HELVETICA_OBLIQUE);
        address = new TextStyle(regular, ADDRESS_MAX_SIZE, 12f, 0f);
        heading = new TextStyle(bold, 18f, 23f, 0f);
        body = new TextStyle(regular, 11f, 15f, 0f);
        cardTitle = new TextStyle(bold, 13f, 16f, 0f);
        date = new TextStyle(regular, 10.5f, 14f, 0f);
        reason = new TextStyle(oblique, 10f, 13f, 0.2f);
        url = new TextStyle(regular, 9f, 12f, 0.35f);
        footer = new TextStyle(regular, 7f, 9f, 0.45f);
    }

    /**
     * @throws DataException when the send cannot be printed: its address does not fit the envelope window
     */
    RenderedPiece render(PrintSend send) {
        PrintLanguage language = PrintLanguage.of(send.getLanguage());
        try (PDDocument document = new PDDocument()) {
            describe(document, send, language);
            try (PageFlow flow = new PageFlow(document)) {
                addressBlock(flow, send);
                flow.moveTo(CONTENT_TOP);
                paragraph(flow, send.getTitle(), heading);
                flow.skip(6f);
                paragraph(flow, language.greeting(send.getFirstName()), body);
                paragraph(flow, language.intro, body);
                flow.skip(8f);
                for (PrintItem item : send.getItems()) {
                    card(flow, item, language);
                }
            }
            footers(document, send.getSendId());
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            document.save(pdf);
            return new RenderedPiece(pdf.toByteArray(), document.getNumberOfPages());
        } catch (IOException e) {
            // everything happens in memory: an IOException here is PDFBox refusing the content
            throw new DataException("Send " + send.getSendId() + " cannot be rendered: " + e.getMessage(), e);
        }
    }

    private static void describe(PDDocument document, PrintSend send, PrintLanguage language) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(send.getTitle());
        info.setProducer("Encore print sink");
        Calendar created = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        created.setTimeInMillis(send.getCreatedAt().toEpochMilli());
        info.setCreationDate(created);
        document.getDocumentCatalog().setLanguage(language.code);
        // PDFBox would derive the file identifier from the clock; the piece's own id keeps the output reproducible
        COSString id = new COSString(Arrays.copyOf(sha256(send.getSendId()), 16));
        COSArray ids = new COSArray();
        ids.add(id);
        ids.add(id);
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The address lines at the largest size (10 pt down to 7 pt) at which they fit the window. */
    private void addressBlock(PageFlow flow, PrintSend send) throws IOException {
        List<String> lines = AddressBlock.lines(send, homeCountry).stream()
                .map(line -> PrintableText.of(line, address.font())).toList();
        float available = WINDOW_BOTTOM - WINDOW_TOP - 2 * ADDRESS_PADDING;
        for (float size = ADDRESS_MAX_SIZE; size >= ADDRESS_MIN_SIZE; size -= 0.5f) {
            TextStyle style = address.withSize(size);
            float height = lines.size() * style.leading();
            if (height <= available && lines.stream().allMatch(line -> style.width(line) <= ADDRESS_WIDTH)) {
                float top = Math.min(ADDRESS_ZONE_TOP, WINDOW_BOTTOM - ADDRESS_PADDING - height);
                for (int i = 0; i < lines.size(); i++) {
                    flow.textAt(lines.get(i), style, ADDRESS_X, top + i * style.leading() + style.size());
                }
                return;
            }
        }
        throw new DataException("Send " + send.getSendId() + " cannot be printed: its address (" + lines.size()
                + " lines) does not fit the envelope window even at " + ADDRESS_MIN_SIZE + " pt");
    }

    private static void paragraph(PageFlow flow, String text, TextStyle style) throws IOException {
        for (String line : LineWrapper.wrap(text, style, PageFlow.width())) {
            flow.ensure(style.leading());
            flow.line(line, style, 0f);
        }
    }

    /** A framed card, kept on one page unless it is taller than a page. */
    private void card(PageFlow flow, PrintItem item, PrintLanguage language) throws IOException {
        List<StyledLine> lines = cardLines(item, language);
        float height = 2 * CARD_PADDING + (float) lines.stream().mapToDouble(line -> line.style().leading()).sum();
        if (height > flow.remaining() && height <= PageFlow.pageCapacity()) {
            flow.newPage();
        }
        if (height <= flow.remaining()) {
            flow.frame(height);
            flow.skip(CARD_PADDING);
            for (StyledLine line : lines) {
                flow.line(line.text(), line.style(), CARD_PADDING);
            }
            flow.skip(CARD_PADDING);
        } else {
            for (StyledLine line : lines) {
                flow.ensure(line.style().leading());
                flow.line(line.text(), line.style(), CARD_PADDING);
            }
        }
        flow.skip(CARD_GAP);
    }

    private List<StyledLine> cardLines(PrintItem item, PrintLanguage language) {
        float width = PageFlow.width() - 2 * CARD_PADDING;
        List<StyledLine> lines = new ArrayList<>();
        addWrapped(lines, item.getTitle(), cardTitle, width);
        if (item.getStartTime() != null) {
            addWrapped(lines, language.date(item.getStartTime()), date, width);
        }
        if (item.getReason() != null) {
            addWrapped(lines, item.getReason(), reason, width);
        }
        addWrapped(lines, item.getUrl(), url, width);
        return lines;
    }

    private static void addWrapped(List<StyledLine> lines, String text, TextStyle style, float width) {
        LineWrapper.wrap(text, style, width).forEach(line -> lines.add(new StyledLine(line, style)));
    }

    /** "{sendId} · 2 / 3" at the foot of every page, so the print house can match a sheet to the manifest. */
    private void footers(PDDocument document, String sendId) throws IOException {
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            PDPage page = document.getPage(i);
            String text = PrintableText.of(sendId + "  ·  " + (i + 1) + " / " + pages, footer.font());
            try (PDPageContentStream content = new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
                content.beginText();
                content.setNonStrokingColor(footer.gray());
                content.setFont(footer.font(), footer.size());
                content.newLineAtOffset(PageFlow.LEFT, 12 * PageFlow.MM);
                content.showText(text);
                content.endText();
            }
        }
    }

    private record StyledLine(String text, TextStyle style) {
    }
}
