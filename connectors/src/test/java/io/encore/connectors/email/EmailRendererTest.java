package io.encore.connectors.email;

import static io.encore.connectors.email.EmailFixtures.item;
import static io.encore.connectors.email.EmailFixtures.send;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.EmailItem;
import io.encore.schemas.avro.EmailSend;

class EmailRendererTest {

    private final EmailRenderer renderer = new EmailRenderer(new EmailLinks("https://hall.example/t/", "https://hall.example/unsubscribe"));

    @Test
    void shouldWriteDanishWithTheFirstNameAndTheDateInCopenhagenTimeWhenTheLanguageIsDa() {
        // when
        RenderedEmail email = renderer.render(send("s-1", "da", "Mette", item("k-1", "Juleoratoriet", "rec-1")));
        // then
        assertThat(email.subject()).isEqualTo("Julekoncerter til dig");
        assertThat(email.text()).startsWith("Kære Mette,").contains("lørdag den 5. december 2026 kl. 19.30");
        assertThat(email.html()).contains("<html lang=\"da\">", "Kære Mette,", "lørdag den 5. december 2026 kl. 19.30",
                "Afmeld nyhedsbreve");
    }

    @Test
    void shouldWriteEnglishWithANeutralGreetingWhenTheLanguageIsUnknownAndTheNameMissing() {
        // when
        RenderedEmail email = renderer.render(send("s-1", "de", null, item("k-1", "Messiah", "rec-1")));
        // then
        assertThat(email.text()).startsWith("Dear guest,").contains("Saturday 5 December 2026, 19:30");
        assertThat(email.html()).contains("<html lang=\"en\">", "Unsubscribe");
    }

    @Test
    void shouldPresentTheConcertsInTheGivenOrderWhenThereAreSeveral() {
        // when
        RenderedEmail email = renderer.render(send("s-1", "en", "Ann", item("k-3", "Third", "r"), item("k-1", "First", "r"),
                item("k-2", "Second", "r")));
        // then
        assertThat(email.html().indexOf("data-concert=\"k-3\"")).isLessThan(email.html().indexOf("data-concert=\"k-1\""));
        assertThat(email.html().indexOf("data-concert=\"k-1\"")).isLessThan(email.html().indexOf("data-concert=\"k-2\""));
        assertThat(email.text().indexOf("Third")).isLessThan(email.text().indexOf("First"));
        assertThat(email.text().indexOf("First")).isLessThan(email.text().indexOf("Second"));
    }

    @Test
    void shouldEscapeRecordTextWhenItContainsMarkup() {
        // given
        EmailItem evil = EmailItem.newBuilder(item("k-1", "<script>alert('x')</script>", "rec-1"))
                .setReason("\"><img src=x onerror=alert(1)>").build();
        // when
        RenderedEmail email = renderer.render(send("s-1", "en", "<b>Bob</b>", evil));
        // then
        assertThat(email.html()).doesNotContain("<script>", "<b>Bob</b>", "<img src=x")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "&lt;b&gt;Bob&lt;/b&gt;", "&quot;&gt;&lt;img src=x");
    }

    @Test
    void shouldLinkEveryConcertThroughTheTrackingHostWithTheRecommendationIdWhenRendered() {
        // when
        RenderedEmail email = renderer.render(send("s 1/x", "en", "Ann", item("k-1", "First", "rec&1"), item("k-2", "Second", null)));
        // then
        assertThat(email.text()).contains("https://hall.example/t/c/s%201%2Fx/k-1?rec=rec%261")
                .contains("https://hall.example/t/c/s%201%2Fx/k-2\n");
        assertThat(email.html()).contains("href=\"https://hall.example/t/c/s%201%2Fx/k-1?rec=rec%261\"")
                .doesNotContain("href=\"https://hall.example/concerts/");
    }

    @Test
    void shouldCarryTheUnsubscribeLinkInTheBodyAndTheListUnsubscribeHeaderWhenRendered() {
        // when
        RenderedEmail email = renderer.render(send("s-1", "da", "Mette", item("k-1", "Juleoratoriet", "rec-1")));
        // then
        assertThat(email.unsubscribeUrl()).isEqualTo("https://hall.example/unsubscribe?send=s-1");
        assertThat(email.listUnsubscribe()).isEqualTo("<https://hall.example/unsubscribe?send=s-1>");
        assertThat(email.text()).contains("Afmeld nyhedsbreve: https://hall.example/unsubscribe?send=s-1");
        assertThat(email.html()).contains("href=\"https://hall.example/unsubscribe?send=s-1\"");
    }

    @Test
    void shouldShowImageAndReasonOnlyWhenPresent() {
        // given
        EmailSend bare = send("s-1", "en", "Ann", EmailItem.newBuilder(item("k-1", "First", "rec-1"))
                .setImageUrl(null).setReason(null).setStartTime(null).build());
        // when
        RenderedEmail email = renderer.render(bare);
        // then
        assertThat(email.html()).doesNotContain("<img", "class=\"reason\"", "class=\"date\"");
        assertThat(renderer.render(send("s-2", "en", "Ann", item("k-1", "First", "rec-1"))).html())
                .contains("<img src=\"https://img.hall.example/k-1.jpg\"", "<p class=\"reason\">Because you heard Carl Nielsen</p>");
    }
}
