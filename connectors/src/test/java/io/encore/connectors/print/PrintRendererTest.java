package io.encore.connectors.print;

import static io.encore.connectors.print.PrintFixtures.item;
import static io.encore.connectors.print.PrintFixtures.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.kafka.connect.errors.DataException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.PostalAddress;
import io.encore.schemas.avro.PrintItem;
import io.encore.schemas.avro.PrintSend;

class PrintRendererTest {

    private static final float MM = 72f / 25.4f;

    private final PrintRenderer renderer = new PrintRenderer("DK");

    @Test
    void shouldGreetInDanishAndDateTheConcertsInCopenhagenTimeWhenTheLanguageIsDa() {
        // when
        PdfText pdf = PdfText.of(renderer.render(send("g-1", "da", "Mette", item("k-1", "Juleoratoriet"))).pdf());
        // then
        assertThat(pdf.text()).contains("Sæsonen 2026 – udvalgt til dig", "Kære Mette,",
                "Vi har udvalgt disse koncerter til dig:", "lørdag 14. marts 2026 kl. 19:30");
    }

    @Test
    void shouldWriteEnglishWithTheEnglishDateWhenTheLanguageIsEnOrUnknown() {
        // when
        PdfText english = PdfText.of(renderer.render(send("g-1", "en", "Mette", item("k-1", "Messiah"))).pdf());
        PdfText german = PdfText.of(renderer.render(send("g-2", "de", "Jonas", item("k-1", "Messiah"))).pdf());
        // then
        assertThat(english.text()).contains("Season 2026 – picked for you", "Dear Mette,", "Saturday 14 March 2026, 19:30")
                .doesNotContain("lørdag");
        assertThat(german.text()).contains("Dear Jonas,", "Saturday 14 March 2026, 19:30");
    }

    @Test
    void shouldGreetNeutrallyWhenTheFirstNameIsMissing() {
        // when
        PdfText danish = PdfText.of(renderer.render(send("g-1", "da", null, item("k-1", "Juleoratoriet"))).pdf());
        PdfText english = PdfText.of(renderer.render(send("g-1", "en", " ", item("k-1", "Messiah"))).pdf());
        // then
        assertThat(danish.text()).contains("Kære gæst,").doesNotContain("Kære null");
        assertThat(english.text()).contains("Dear guest,");
    }

    @Test
    void shouldPrintNameStreetAndPostalTownInTheEnvelopeWindowWhenTheAddressIsDomestic() {
        // when
        byte[] pdf = renderer.render(send("g-1", "da", "Mette", item("k-1", "Juleoratoriet"))).pdf();
        // then the DIN 5008 window, 20 mm from the left and 45 mm from the top, 85 × 45 mm, holds exactly the address
        assertThat(lines(textInWindow(pdf))).containsExactly("Mette Ørsted", "Amagerfælledvej 56, 3. tv", "2300 København S");
    }

    @Test
    void shouldAddTheCountryInCapitalsAndTheRegionWhenTheAddressIsAbroad() {
        // given
        PostalAddress swedish = PostalAddress.newBuilder().setLines(List.of("Storgatan 1")).setPostalCode("114 51")
                .setCity("Stockholm").setRegion("Stockholms län").setCountry("SE").build();
        PrintSend send = PrintSend.newBuilder(send("g-1", "en", "Anna", item("k-1", "Messiah"))).setLastName(null)
                .setPostalAddress(swedish).build();
        // when
        byte[] pdf = renderer.render(send).pdf();
        // then
        assertThat(lines(textInWindow(pdf))).containsExactly("Anna", "Storgatan 1", "114 51 Stockholm", "Stockholms län", "SWEDEN");
    }

    @Test
    void shouldPresentTheConcertsAsCardsInTheGivenOrderWithReasonAndUrl() {
        // when
        PdfText pdf = PdfText.of(renderer.render(send("g-1", "en", "Ann", item("k-3", "Third Symphony"),
                item("k-1", "First Light"), item("k-2", "Second Viennese School"))).pdf());
        // then
        String text = pdf.text();
        assertThat(text.indexOf("Third Symphony")).isPositive().isLessThan(text.indexOf("First Light"));
        assertThat(text.indexOf("First Light")).isLessThan(text.indexOf("Second Viennese School"));
        assertThat(text).contains("Because you heard Carl Nielsen", "https://hall.example/p/k-3?rec=rec-1",
                "https://hall.example/p/k-2?rec=rec-1");
        // each card's own url follows its title
        assertThat(text.indexOf("https://hall.example/p/k-3")).isBetween(text.indexOf("Third Symphony"), text.indexOf("First Light"));
    }

    @Test
    void shouldLeaveOutTheDateAndTheReasonWhenAConcertHasNone() {
        // given
        PrintItem bare = PrintItem.newBuilder(item("k-1", "Undated Matinée")).setStartTime(null).setReason(null).build();
        // when
        PdfText pdf = PdfText.of(renderer.render(send("g-1", "en", "Ann", bare)).pdf());
        // then
        assertThat(pdf.text()).contains("Undated Matinée", "https://hall.example/p/k-1")
                .doesNotContain("2026, ", "Because you heard");
    }

    @Test
    void shouldContinueOnNewPagesInOrderWhenTheCardsDoNotFitOnOnePage() {
        // given
        PrintItem[] items = IntStream.rangeClosed(1, 14).mapToObj(i -> item("k-" + i, "Concert number " + i))
                .toArray(PrintItem[]::new);
        // when
        RenderedPiece piece = renderer.render(send("g-1", "da", "Mette", items));
        // then
        PdfText pdf = PdfText.of(piece.pdf());
        assertThat(piece.pages()).isEqualTo(pdf.pages()).isGreaterThanOrEqualTo(2);
        List<Integer> positions = IntStream.rangeClosed(1, 14).mapToObj(i -> pdf.text().indexOf("Concert number " + i + "\n"))
                .toList();
        assertThat(positions).doesNotContain(-1).isSorted();
        assertThat(PdfText.page(piece.pdf(), 1)).contains("Concert number 1\n", "1 / " + piece.pages());
        assertThat(PdfText.page(piece.pdf(), piece.pages())).contains("Concert number 14\n",
                piece.pages() + " / " + piece.pages()).doesNotContain("Concert number 1\n");
        // a card is never split: every page that shows a title shows that card's date too
        for (int page = 1; page <= piece.pages(); page++) {
            String text = PdfText.page(piece.pdf(), page);
            assertThat(count(text, "Concert number ")).isEqualTo(count(text, "lørdag 14. marts 2026 kl. 19:30"));
        }
    }

    @Test
    void shouldWrapLongTextWithinTheMarginsWhenATitleReasonOrUrlIsLong() {
        // given
        String reason = String.join(" ", Collections.nCopies(40, "Because you loved the late string quartets"));
        String url = "https://hall.example/p/k-1?rec=" + "x".repeat(300);
        PrintItem long1 = PrintItem.newBuilder(item("k-1", "A " + "very ".repeat(40) + "long title")).setReason(reason)
                .setUrl(url).build();
        // when
        byte[] pdf = renderer.render(send("g-1", "en", "Ann", long1)).pdf();
        // then nothing runs past the right margin (20 mm), and the url is printed whole over several lines
        assertThat(rightmostGlyphEdge(pdf)).isLessThanOrEqualTo(210 * MM - 20 * MM + 0.5f);
        String text = PdfText.of(pdf).text();
        assertThat(text.replace("\n", "")).contains(url);
        assertThat(count(text.replace("\n", " "), "Because you loved the late string quartets")).isEqualTo(40);
    }

    @Test
    void shouldReplaceCharactersOutsideWinAnsiAndKeepDanishLettersWhenTheTextUsesThem() {
        // given
        PrintSend send = PrintSend.newBuilder(send("g-1", "da", "Łukasz", item("k-1", "東京 Philharmonic ☃ 🎻 Dvořák")))
                .setLastName("Søndergård\u200B-Żak").build();
        // when
        RenderedPiece piece = renderer.render(send);
        // then
        String text = PdfText.of(piece.pdf()).text();
        assertThat(text).contains("Kære Lukasz,", "Lukasz Søndergård-Zak", "?? Philharmonic ? ? Dvorák", "København S");
    }

    @Test
    void shouldRenderTheSameSendToTheSameBytes() {
        // given
        PrintSend send = send("g-1", "da", "Mette", item("k-1", "Juleoratoriet"), item("k-2", "Messias"));
        // when / then
        assertThat(renderer.render(send).pdf()).isEqualTo(new PrintRenderer("DK").render(send).pdf());
    }

    @Test
    void shouldRefuseAnAddressThatDoesNotFitTheEnvelopeWindowNamingNoPersonalData() {
        // given
        PostalAddress tall = PostalAddress.newBuilder(PrintFixtures.danishAddress())
                .setLines(IntStream.range(0, 12).mapToObj(i -> "Secret street " + i).toList()).build();
        PrintSend send = PrintSend.newBuilder(send("g-1", "da", "Mette", item("k-1", "Juleoratoriet"))).setPostalAddress(tall).build();
        // when / then
        assertThatThrownBy(() -> renderer.render(send)).isInstanceOf(DataException.class)
                .hasMessageContaining(send.getSendId()).hasMessageContaining("does not fit the envelope window")
                .hasMessageNotContaining("Secret street").hasMessageNotContaining("Mette");
    }

    private static String textInWindow(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripperByArea stripper = new PDFTextStripperByArea();
            stripper.setSortByPosition(true);
            stripper.addRegion("window", new Rectangle2D.Float(20 * MM, 45 * MM, 85 * MM, 45 * MM));
            stripper.extractRegions(document.getPage(0));
            return stripper.getTextForRegion("window");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float rightmostGlyphEdge(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<Float> edges = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    positions.forEach(p -> edges.add(p.getXDirAdj() + p.getWidthDirAdj()));
                    super.writeString(text, positions);
                }
            };
            stripper.getText(document);
            return edges.stream().max(Float::compare).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::trim).filter(line -> !line.isEmpty()).toList();
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
