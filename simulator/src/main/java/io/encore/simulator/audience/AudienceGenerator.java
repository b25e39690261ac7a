package io.encore.simulator.audience;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import io.encore.simulator.catalogue.Family;
import io.encore.simulator.catalogue.SubGenre;
import io.encore.simulator.catalogue.Taxonomy;
import io.encore.simulator.random.Draw;
import io.encore.simulator.random.Seeds;

/**
 * Draws guests. Each guest has its own random stream (seed, index), so guest 17 is the same person in an
 * audience of 1,000 and of 100,000.
 */
public final class AudienceGenerator {

    private static final long YEAR_MILLIS = Duration.ofDays(365).toMillis();
    private static final Pattern NON_ASCII = Pattern.compile("[^\\p{ASCII}]");

    private final Taxonomy taxonomy;
    private final long seed;
    private final TasteGenerator tastes;

    public AudienceGenerator(Taxonomy taxonomy, long seed) {
        this.taxonomy = taxonomy;
        this.seed = seed;
        this.tastes = new TasteGenerator(taxonomy);
    }

    /** Guest number {@code index} of a simulation starting at {@code start}. */
    public Guest guest(int index, Instant start) {
        SplittableRandom random = Seeds.stream(seed, "guest", index);
        double roll = random.nextDouble();
        GuestKind kind = roll < 0.60 ? GuestKind.REGISTERED : roll < 0.75 ? GuestKind.BOX_OFFICE : GuestKind.PROSPECT;
        Taste taste = tastes.taste(random);
        Habits habits = tastes.habits(random, taste);
        Person person = person(random, index, kind);
        String card = kind == GuestKind.BOX_OFFICE || (kind == GuestKind.REGISTERED && Draw.chance(random, 0.3))
                ? card(index) : null;
        List<String> cookies = cookies(random, kind);
        Value value = value(random, kind, start);
        Responsiveness responsiveness = new Responsiveness(Draw.beta(random, 2.2, 3.0), Draw.beta(random, 2.0, 5.0),
                Draw.beta(random, 1.5, 30.0), Draw.uniform(random, 0.1, 0.35), Draw.uniform(random, 0.1, 0.6));
        ConsentChoice consent = consent(random, kind, person);
        String hash = person.email() == null ? null : sha256(person.email());
        List<Guest.MarketEstimate> market = hash != null && Draw.chance(random, 0.35)
                ? market(random, taste, value, start) : List.of();
        return new Guest(index, kind, String.format(Locale.ROOT, "g-%06d", index + 1), cookies, card, hash, person,
                taste, habits, value, responsiveness, consent, market);
    }

    private static List<String> cookies(SplittableRandom random, GuestKind kind) {
        int devices = kind == GuestKind.BOX_OFFICE ? 1 : 1 + (Draw.chance(random, 0.5) ? 1 : 0) + (Draw.chance(random, 0.3) ? 1 : 0);
        List<String> cookies = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            String hex = Long.toHexString(random.nextLong());
            cookies.add("0".repeat(16 - hex.length()) + hex);
        }
        return cookies;
    }

    /** Card numbers: 7 and eight digits, a bijection of the index (so never two guests with one card). */
    private String card(int index) {
        long offset = Math.floorMod(Seeds.derive(seed, "cards", 0), 100_000_000L);
        return String.format(Locale.ROOT, "7%08d", Math.floorMod((index + 1L) * 48_271L + offset, 100_000_000L));
    }

    private static Person person(SplittableRandom random, int index, GuestKind kind) {
        String language = Draw.chance(random, 0.85) ? "da" : "en";
        boolean danish = "da".equals(language);
        String first = Draw.oneOf(random, danish ? Names.DANISH_FIRST : Names.ENGLISH_FIRST);
        String last = Draw.oneOf(random, danish ? Names.DANISH_LAST : Names.ENGLISH_LAST);
        boolean hasEmail = kind != GuestKind.BOX_OFFICE || Draw.chance(random, 0.5);
        String email = hasEmail
                ? ascii(first + "." + last).toLowerCase(Locale.ROOT) + (index + 1) + "@" + Draw.oneOf(random, Names.MAIL_DOMAINS)
                : null;
        Person.Address address = null;
        if (kind != GuestKind.PROSPECT && Draw.chance(random, 0.65)) {
            String[] town = Draw.oneOf(random, Names.TOWNS);
            String line = Draw.oneOf(random, Names.STREETS) + " " + (1 + random.nextInt(180))
                    + (Draw.chance(random, 0.5) ? ", " + (1 + random.nextInt(5)) + ". " + (Draw.chance(random, 0.5) ? "th." : "tv.") : "");
            address = new Person.Address(List.of(line), town[0], town[1], "DK");
        }
        return new Person(first, last, email, address, language);
    }

    private static Value value(SplittableRandom random, GuestKind kind, Instant start) {
        double median = switch (kind) {
            case REGISTERED -> 1.7;
            case BOX_OFFICE -> 1.4;
            case PROSPECT -> 0.9;
        };
        double orders = Math.min(30, Draw.logNormal(random, median, 0.85));
        double trend = 0.35 * Draw.gaussian(random);
        Instant since = kind == GuestKind.PROSPECT
                ? start
                : start.minusMillis((long) (YEAR_MILLIS * (Draw.chance(random, 0.55)
                        ? Draw.uniform(random, 4, 12) : Draw.uniform(random, 0, 4))));
        double visits = switch (kind) {
            case REGISTERED -> 4 + 8 * orders * Draw.uniform(random, 0.6, 1.4);
            case BOX_OFFICE -> Draw.uniform(random, 0.5, 3);
            case PROSPECT -> Draw.logNormal(random, 8, 0.7);
        };
        return new Value(orders, trend, since, visits);
    }

    /** Most allow everything; some refuse profiling, e-mail or ads; print only with an address. */
    private static ConsentChoice consent(SplittableRandom random, GuestKind kind, Person person) {
        boolean profiling = Draw.chance(random, kind == GuestKind.BOX_OFFICE ? 0.85 : 0.92);
        boolean email = person.email() != null && Draw.chance(random, kind == GuestKind.BOX_OFFICE ? 0.6 : 0.8);
        boolean ads = Draw.chance(random, kind == GuestKind.BOX_OFFICE ? 0.4 : 0.7);
        boolean web = profiling && Draw.chance(random, 0.95);
        boolean print = person.address() != null && Draw.chance(random, 0.6);
        return new ConsentChoice(profiling, email, ads, web, print);
    }

    private List<Guest.MarketEstimate> market(SplittableRandom random, Taste taste, Value value, Instant start) {
        List<Guest.MarketEstimate> estimates = new ArrayList<>();
        int[] dominant = taste.dominant();
        for (int i = 0; i < Math.min(2, dominant.length); i++) {
            SubGenre genre = taxonomy.subGenre(dominant[i]);
            Family family = taxonomy.family(genre);
            if (estimates.stream().anyMatch(e -> e.category().equals(family.tag()))) {
                continue;
            }
            double kroner = Math.max(1, value.ordersPerYear()) * 2 * 450 * Draw.uniform(random, 1.2, 4.0);
            Instant at = start.minus(Duration.ofDays(1 + random.nextInt(60))).plusSeconds(random.nextInt(12 * 3600));
            estimates.add(new Guest.MarketEstimate(family.tag(), Math.round(kroner) * 100, at));
        }
        return estimates;
    }

    private static String ascii(String name) {
        String replaced = name.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
                .replace("Æ", "Ae").replace("Ø", "Oe").replace("Å", "Aa");
        return NON_ASCII.matcher(Normalizer.normalize(replaced, Normalizer.Form.NFD)).replaceAll("").replace(' ', '.');
    }

    /** The {@code EMAIL_SHA256} identifier value: hex SHA-256 of the trimmed, lower-cased address. */
    public static String sha256(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
