package io.encore.web.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.Concert;
import io.encore.schemas.avro.ConcertStatus;
import io.encore.schemas.avro.PriceRange;
import io.encore.web.Fixtures;

class ConcertViewsTest {

    private static final Instant SATURDAY_EVENING = Instant.parse("2026-12-05T18:30:00Z");

    @Test
    void shouldWriteDatesInTheHallsTimeZoneLikeTheEmails() {
        // when
        ConcertView.Date danish = ConcertViews.date(SATURDAY_EVENING, "da");
        ConcertView.Date english = ConcertViews.date(SATURDAY_EVENING, "en");
        // then
        assertThat(danish.text()).isEqualTo("lørdag den 5. december 2026 kl. 19.30");
        assertThat(english.text()).isEqualTo("Saturday 5 December 2026, 19:30");
        assertThat(danish.day()).isEqualTo("5");
        assertThat(danish.time()).isEqualTo("19.30");
        assertThat(ConcertViews.date(null, "da")).isNull();
    }

    @Test
    void shouldWritePricesInKronerForDanishAndByCurrencyCodeOtherwise() {
        assertThat(ConcertViews.priceText(new PriceRange(24_500L, 49_500L, "DKK"), "da")).isEqualTo("fra 245 kr.");
        assertThat(ConcertViews.priceText(new PriceRange(24_500L, 49_500L, "DKK"), "en")).isEqualTo("from DKK 245");
        assertThat(ConcertViews.priceText(new PriceRange(9_950L, 9_950L, "EUR"), "da")).isEqualTo("EUR 99.50");
        assertThat(ConcertViews.priceText(null, "da")).isNull();
    }

    @Test
    void shouldUseTheTranslationForTheAskedLanguageAndTheOriginalOtherwise() {
        // given
        Concert concert = Fixtures.concert("c-1", "Juleoratoriet", 3, "barok");
        // then
        assertThat(ConcertViews.of(concert, "en").title()).isEqualTo("Juleoratoriet (EN)");
        assertThat(ConcertViews.of(concert, "da").title()).isEqualTo("Juleoratoriet");
        assertThat(ConcertViews.of(concert, "de").title()).isEqualTo("Juleoratoriet (EN)"); // any other: English
        assertThat(ConcertViews.of(Concert.newBuilder(concert).setTranslations(List.of()).build(), "en").title())
                .isEqualTo("Juleoratoriet");
    }

    @Test
    void shouldFlagFewSeatsLeftBelowATenthOfTheCapacity() {
        // given
        Concert concert = Fixtures.concert("c-1", "Juleoratoriet", 3, "barok");
        // then
        assertThat(ConcertViews.of(Concert.newBuilder(concert).setSeatsAvailable(150).build(), "da").fewSeatsLeft()).isTrue();
        assertThat(ConcertViews.of(Concert.newBuilder(concert).setSeatsAvailable(900).build(), "da").fewSeatsLeft()).isFalse();
        assertThat(ConcertViews.of(Concert.newBuilder(concert).setSeatsAvailable(0).build(), "da").fewSeatsLeft()).isFalse();
    }

    @Test
    void shouldKeepTheNewestVersionAndDropAConcertOnATombstone() {
        // given
        Catalogue catalogue = new Catalogue();
        Concert first = Fixtures.concert("c-1", "Version 2", 3);
        catalogue.apply("c-1", Concert.newBuilder(first).setVersion(2).build());
        // when
        catalogue.apply("c-1", Concert.newBuilder(first).setTitle("Version 1").setVersion(1).build());
        // then
        assertThat(catalogue.get("c-1")).hasValueSatisfying(c -> assertThat(c.getTitle()).isEqualTo("Version 2"));
        catalogue.apply("c-1", null);
        assertThat(catalogue.get("c-1")).isEmpty();
    }

    @Test
    void shouldListOnlyUpcomingConcertsOnSaleSoonestFirst() {
        // given
        Catalogue catalogue = new Catalogue();
        catalogue.apply("late", Fixtures.concert("late", "Late", 20));
        catalogue.apply("soon", Fixtures.concert("soon", "Soon", 2));
        catalogue.apply("past", Fixtures.concert("past", "Past", -2));
        catalogue.apply("gone", Concert.newBuilder(Fixtures.concert("gone", "Gone", 5))
                .setStatus(ConcertStatus.CANCELLED).build());
        // then
        assertThat(catalogue.upcoming(Fixtures.NOW, 10)).extracting(Concert::getConcertId).containsExactly("soon", "late");
        assertThat(catalogue.upcoming(Fixtures.NOW, 1)).extracting(Concert::getConcertId).containsExactly("soon");
    }
}
