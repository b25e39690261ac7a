package io.encore.simulator.audience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import io.encore.simulator.catalogue.ConcertPlan;
import io.encore.simulator.catalogue.Programme;
import io.encore.simulator.catalogue.Season;
import io.encore.simulator.catalogue.SubGenre;
import io.encore.simulator.catalogue.Taxonomy;

class AudienceTest {

    private static final Taxonomy TAXONOMY = Taxonomy.standard();
    private static final Programme PROGRAMME = Programme.generate(TAXONOMY, 42, LocalDate.of(2026, 9, 1), 420, 0);
    private static final Audience AUDIENCE = Audience.generate(TAXONOMY, 42, 5000, PROGRAMME.current().start());

    @Test
    void shouldGenerateTheSameGuestsForTheSameSeedWhateverTheAudienceSize() {
        // when
        Audience smaller = Audience.generate(TAXONOMY, 42, 1000, PROGRAMME.current().start());
        Audience otherSeed = Audience.generate(TAXONOMY, 43, 1000, PROGRAMME.current().start());

        // then
        assertThat(smaller.guests()).isEqualTo(AUDIENCE.guests().subList(0, 1000));
        assertThat(otherSeed.guests().get(0)).isNotEqualTo(AUDIENCE.guest(0));
    }

    @Test
    void shouldGiveGuestsSparseMixturesOfOneToThreeSubGenresSomeAcrossFamilies() {
        // when
        List<int[]> dominant = AUDIENCE.guests().stream().map(g -> g.taste().dominant()).toList();
        long mixtures = dominant.stream().filter(d -> d.length >= 2).count();
        long acrossFamilies = dominant.stream().filter(d -> d.length >= 2
                && !TAXONOMY.subGenre(d[0]).family().equals(TAXONOMY.subGenre(d[1]).family())).count();

        // then
        assertThat(dominant).allMatch(d -> d.length >= 1 && d.length <= 3);
        assertThat(mixtures).isGreaterThan(AUDIENCE.size() / 2);
        assertThat(acrossFamilies).isGreaterThan(AUDIENCE.size() / 4);
    }

    @Test
    void shouldOftenDislikeASiblingOfTheFavouriteSubGenre() {
        // when: the crooner fan who does not want experimental percussion, in general
        long siblingAversions = AUDIENCE.guests().stream().filter(g -> {
            SubGenre top = TAXONOMY.subGenre(g.taste().dominant()[0]);
            return Arrays.stream(g.taste().aversions()).anyMatch(a -> TAXONOMY.subGenre(a).family().equals(top.family()));
        }).count();

        // then
        assertThat(siblingAversions).isGreaterThan(AUDIENCE.size() * 4 / 10);
    }

    @Test
    void shouldRateTheCroonerFansFitHighForVocalJazzAndNearZeroForExperimentalPercussion() {
        // given: a guest who loves vocal jazz and dislikes experimental percussion
        int crooner = TAXONOMY.subGenre("vocal-jazz").orElseThrow().index();
        int percussion = TAXONOMY.subGenre("experimental-percussion").orElseThrow().index();
        float[] weights = new float[TAXONOMY.subGenres().size()];
        weights[crooner] = 1f;
        weights[percussion] = -1f;
        Taste taste = new Taste(weights, 0.1, List.of());

        // then
        assertThat(of(crooner)).allMatch(c -> taste.affinity(c) == 1.0);
        assertThat(of(percussion)).allMatch(c -> taste.affinity(c) == 0.0);
        int rock = TAXONOMY.subGenre("rock-icons").orElseThrow().index();
        assertThat(of(rock)).allMatch(c -> Math.abs(taste.affinity(c) - 0.1) < 1e-9);
    }

    @Test
    void shouldKeepAffinityWithinZeroAndOneAndHighestForTheFavouriteSubGenre() {
        for (Guest guest : AUDIENCE.guests().subList(0, 300)) {
            int favourite = guest.taste().dominant()[0];
            List<ConcertPlan> plain = PROGRAMME.concerts().stream().filter(c -> !c.crossover()
                    && c.performers().stream().noneMatch(p -> guest.taste().favourites().contains(p.name()))).toList();
            double worstOfFavourite = plain.stream().filter(c -> c.genre() == favourite).mapToDouble(guest::affinity).min().orElse(1);
            for (ConcertPlan concert : PROGRAMME.concerts()) {
                assertThat(guest.affinity(concert)).isBetween(0.0, 1.0);
            }
            assertThat(plain).filteredOn(c -> c.genre() != favourite)
                    .allMatch(c -> guest.affinity(c) < worstOfFavourite);
        }
    }

    @Test
    void shouldMapEveryIdentifierOfAGuestToThatGuest() {
        for (Guest guest : AUDIENCE.guests()) {
            for (String key : guest.identifierKeys()) {
                assertThat(AUDIENCE.byIdentifier(key)).contains(guest);
            }
        }
        assertThat(AUDIENCE.byIdentifier("COOKIE:nobody")).isEmpty();
    }

    @Test
    void shouldMixKindsIdentitiesAndConsentsLikeAHall() {
        long registered = count(g -> g.kind() == GuestKind.REGISTERED);
        long cards = count(g -> g.loyaltyCard() != null);
        long everything = count(g -> g.consent().profiling() && g.consent().email() && g.consent().ads() && g.consent().web());
        long noProfiling = count(g -> !g.consent().profiling());
        long noEmail = count(g -> g.person().email() != null && !g.consent().email());

        assertThat(registered).isBetween(AUDIENCE.size() * 55L / 100, AUDIENCE.size() * 65L / 100);
        assertThat(count(g -> g.kind() == GuestKind.PROSPECT)).isGreaterThan(AUDIENCE.size() / 5);
        assertThat(cards).isGreaterThan(AUDIENCE.size() / 5);
        assertThat(everything).isGreaterThan(AUDIENCE.size() / 3);
        assertThat(noProfiling).isBetween(AUDIENCE.size() * 3L / 100, AUDIENCE.size() * 20L / 100);
        assertThat(noEmail).isGreaterThan(AUDIENCE.size() / 10);
        assertThat(count(g -> "en".equals(g.person().language()))).isBetween(AUDIENCE.size() / 20L, AUDIENCE.size() / 4L);
        assertThat(AUDIENCE.guests()).filteredOn(g -> g.person().email() != null)
                .allMatch(g -> g.person().email().matches("[a-z.]+\\d+@example\\.(com|org|net)"))
                .allMatch(g -> g.emailSha256().matches("[0-9a-f]{64}"));
        assertThat(AUDIENCE.guests()).filteredOn(g -> !g.marketSpend().isEmpty()).hasSizeGreaterThan(AUDIENCE.size() / 10);
    }

    @Test
    void shouldSpreadOrderRatesFromOccasionalToFrequentBuyers() {
        double[] rates = AUDIENCE.guests().stream().mapToDouble(g -> g.value().ordersPerYear()).sorted().toArray();

        assertThat(rates[rates.length * 9 / 10]).isGreaterThan(3 * rates[rates.length / 2]);
        assertThat(rates[rates.length / 10]).isLessThan(1.0);
        assertThat(AUDIENCE.guests()).allMatch(g -> !g.value().since().isAfter(Season.startOf(LocalDate.of(2026, 9, 1))));
    }

    private static List<ConcertPlan> of(int genre) {
        return PROGRAMME.concerts().stream().filter(c -> c.genre() == genre && !c.crossover()).toList();
    }

    private static long count(Predicate<Guest> predicate) {
        return AUDIENCE.guests().stream().filter(predicate).count();
    }
}
